import net from 'node:net'
import { emit, installProbe } from './probe.ts'

// Preloaded (`node --import`) into the unmodified reference server (y-websocket@1.5.4 bin/server.js): it
// answers cpu/memory requests and reports the port it was given by the OS (it is started with PORT=0).
installProbe()
const listen = net.Server.prototype.listen
net.Server.prototype.listen = function (this: net.Server, ...args: unknown[]) {
  this.once('listening', () => {
    const address = this.address()
    if (address && typeof address === 'object') emit('listening', { port: address.port })
  })
  return (listen as (...a: unknown[]) => net.Server).apply(this, args)
} as typeof listen
