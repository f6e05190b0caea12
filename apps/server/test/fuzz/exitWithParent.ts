// Preloaded (`--import`) into the processes the fuzz test starts in a session of their own: such a process is not
// killed with the test's process group, so it exits as soon as the test process is gone (its stdin pipe closes).
process.stdin.on('end', () => process.exit(0))
process.stdin.resume()
