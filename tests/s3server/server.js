// Starts an S3-compatible server (s3rver, which checks AWS Signature V4
// against its one account: access key S3RVER, secret S3RVER) on loopback for
// agora's object storage tests.
// Usage: node server.js DIRECTORY PORT BUCKET...  Prints "listening PORT" when ready.
'use strict'
const S3rver = require('@20minutes/s3rver/lib/s3rver')

async function main() {
  const [directory, port, ...buckets] = process.argv.slice(2)
  const server = new S3rver({
    directory,
    address: '127.0.0.1',
    port: Number(port),
    silent: true,
    configureBuckets: buckets.map((name) => ({ name, configs: [] })),
  })
  const { port: bound } = await server.run()
  console.log(`listening ${bound}`)
  const stop = () => server.close().finally(() => process.exit(0))
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
