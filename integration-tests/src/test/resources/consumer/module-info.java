// An application module: it needs clerk4j's API only. The transport (clerk4j-okhttp) is on the
// module path too and is bound as the provider of io.github.clerk4j.spi.TransportFactory.
module consumer {
  requires io.github.clerk4j;
}
