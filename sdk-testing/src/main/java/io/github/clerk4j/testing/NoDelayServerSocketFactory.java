package io.github.clerk4j.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ServerSocketFactory;

/**
 * Server sockets whose accepted connections have TCP_NODELAY set. mockwebserver3 and the JDK's
 * HTTP server leave Nagle's algorithm on for accepted sockets, so over loopback each request waits
 * about 44 ms for a delayed ACK, and a sign-in flow of a few requests costs a fifth of a second.
 * (The emulator, on the JDK's server, sets {@code sun.net.httpserver.nodelay} instead.) Give it to
 * your own {@code MockWebServer}, through its
 * {@code serverSocketFactory} property, before starting it:
 *
 * <pre>{@code
 * MockWebServer server = new MockWebServer();
 * server.setServerSocketFactory(new NoDelayServerSocketFactory());
 * server.start();
 * }</pre>
 *
 * <p>Stateless and thread-safe: one instance may serve any number of servers.
 */
public final class NoDelayServerSocketFactory extends ServerSocketFactory {

  /** Creates the factory. */
  public NoDelayServerSocketFactory() {}

  @Override
  public ServerSocket createServerSocket() throws IOException {
    return new NoDelayServerSocket();
  }

  @Override
  public ServerSocket createServerSocket(int port) throws IOException {
    ServerSocket socket = new NoDelayServerSocket();
    socket.bind(new InetSocketAddress(port));
    return socket;
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog) throws IOException {
    ServerSocket socket = new NoDelayServerSocket();
    socket.bind(new InetSocketAddress(port), backlog);
    return socket;
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog, InetAddress address)
      throws IOException {
    ServerSocket socket = new NoDelayServerSocket();
    socket.bind(new InetSocketAddress(address, port), backlog);
    return socket;
  }

  private static final class NoDelayServerSocket extends ServerSocket {
    NoDelayServerSocket() throws IOException {
      super();
    }

    @Override
    public Socket accept() throws IOException {
      Socket socket = super.accept();
      socket.setTcpNoDelay(true);
      return socket;
    }
  }
}
