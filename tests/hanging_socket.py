"""A service that hangs: a socket on 127.0.0.1 that accepts every connection and never
sends a byte back (a process stuck in garbage collection, a frozen VM, a firewall that
swallows packets)."""

import socket
import threading


class HangingSocket:
    """Accepts TCP connections on a free port and never sends a byte back."""

    def __init__(self):
        self.server = socket.create_server(("127.0.0.1", 0))
        self.connections = []
        self.port = self.server.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                connection, _address = self.server.accept()
            except OSError:  # closed
                return
            self.connections.append(connection)

    @property
    def accepted(self):
        return len(self.connections)

    def close(self):
        self.server.close()
        for connection in self.connections:
            connection.close()
