/** Token secret shared by the bench and the server processes it starts (loopback only). */
export const BENCH_SECRET = 'bench-secret-bench-secret-bench-secret-01'
