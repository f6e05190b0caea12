import { z } from 'zod'

// The server's Content-Security-Policy allows no eval, so zod's JIT (`new Function`) cannot run here anyway; without
// this, zod's probe for it is reported as a CSP violation on every page load. main.tsx imports this module first,
// before any schema has parsed anything.
z.config({ jitless: true })
