package org.s11evaluator.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP link between a process under test and the test database that the test can cut and restore, so the
 * database "goes away" for that process only, at a moment the test chooses, while the test itself keeps
 * its own direct connection to check what was committed. Stopping the real server instead would take every
 * other test (and whoever else shares it) down with it.
 * <p>
 * Cutting closes both ends of every forwarded connection, so the server rolls back what was in flight and
 * releases the process's locks at once, as it would if the process's host fell off the network; until
 * restored, new connections are accepted and closed straight away, which a client sees as a database that
 * cannot be reached. The listening port stays the same throughout, so a URL handed out stays valid.
 */
public final class DatabaseLink implements AutoCloseable {

	private static final Pattern HOST_AND_PORT = Pattern.compile("^(jdbc:[a-z]+://)([^/:?]+)(?::(\\d+))?(.*)$");

	private final InetSocketAddress database;

	private final ServerSocket listener;

	private final Set<Socket> open = new HashSet<>();

	private boolean cut;

	private volatile boolean frozen;

	private final String url;

	private DatabaseLink(String jdbcUrl) throws IOException {
		Matcher url = HOST_AND_PORT.matcher(jdbcUrl);
		if (!url.matches()) {
			throw new IllegalArgumentException("Not a jdbc:<driver>://host[:port]/... URL: " + jdbcUrl);
		}
		this.database = new InetSocketAddress(url.group(2), (url.group(3) != null) ? Integer.parseInt(url.group(3)) : 3306);
		this.listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
		this.url = url.group(1) + "127.0.0.1:" + this.listener.getLocalPort() + url.group(4);
		Thread acceptor = new Thread(this::accept, "database-link-accept");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/** Opens a link to the database of {@code jdbcUrl}, forwarding until cut. */
	public static DatabaseLink to(String jdbcUrl) {
		try {
			return new DatabaseLink(jdbcUrl);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The database's JDBC URL, through this link. */
	public String url() {
		return this.url;
	}

	/** Closes every forwarded connection and refuses new ones until {@link #restore()}. */
	public synchronized void cut() {
		this.cut = true;
		this.open.forEach(DatabaseLink::closeQuietly);
		this.open.clear();
	}

	/**
	 * Freezes the database, as a server that is stopped rather than killed: every connection, open or new, stays
	 * open but nothing is forwarded either way, so a client waits until its own timeouts give up. A client that
	 * closes its end closes the server's too, so the server ends that session (and releases its locks), as a
	 * stopped server does when it wakes. There is no thaw: what was sent meanwhile is dropped.
	 */
	public void freeze() {
		this.frozen = true;
	}

	/** Forwards new connections to the database again. */
	public synchronized void restore() {
		this.cut = false;
	}

	@Override
	public void close() {
		cut();
		closeQuietly(this.listener);
	}

	private void accept() {
		while (!this.listener.isClosed()) {
			try {
				Socket client = this.listener.accept();
				if (isCut()) {
					closeQuietly(client);
					continue;
				}
				Socket server = connectToDatabase(client);
				if (server != null && register(client, server)) {
					pump(client, server, "up");
					pump(server, client, "down");
				}
			}
			catch (IOException ex) {
				// the listener was closed
			}
		}
	}

	private Socket connectToDatabase(Socket client) {
		try {
			Socket server = new Socket();
			server.connect(this.database, 5000);
			return server;
		}
		catch (IOException ex) {
			closeQuietly(client);
			return null;
		}
	}

	/** Registers a forwarded pair, unless the link was cut while it was being connected. */
	private synchronized boolean register(Socket client, Socket server) {
		if (this.cut) {
			closeQuietly(client);
			closeQuietly(server);
			return false;
		}
		this.open.add(client);
		this.open.add(server);
		return true;
	}

	private synchronized boolean isCut() {
		return this.cut;
	}

	/** Copies one direction until either end closes, then closes both. */
	private void pump(Socket from, Socket to, String direction) {
		Thread thread = new Thread(() -> {
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				byte[] buffer = new byte[16384];
				int read;
				while ((read = in.read(buffer)) != -1) {
					if (!this.frozen) {
						out.write(buffer, 0, read);
						out.flush();
					}
				}
			}
			catch (IOException ex) {
				// one end was closed: the connection is over
			}
			finally {
				forget(from, to);
			}
		}, "database-link-" + direction + "-" + from.getPort());
		thread.setDaemon(true);
		thread.start();
	}

	private synchronized void forget(Socket from, Socket to) {
		closeQuietly(from);
		closeQuietly(to);
		this.open.remove(from);
		this.open.remove(to);
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// already closed
		}
	}

}
