import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import PostgresNIO

/// The connections a PostgreSQL store's synchronous sessions run on: at
/// most `maximum` open at once, each used by one transaction at a time,
/// reused while healthy and dropped when the server closed it. A caller
/// that finds every connection busy waits for one (back-pressure, not an
/// unbounded queue of connections).
final class PostgreSQLSessionPool: Sendable {
    let location: PostgreSQLLocation
    private let configuration: PostgresConnection.Configuration
    private let logger: Logger
    private let idle = NIOLockedValueBox<[PostgresConnection]>([])
    private let places: DispatchSemaphore
    private let nextID = NIOLockedValueBox(0)

    init(location: PostgreSQLLocation, configuration: PostgresConnection.Configuration, maximum: Int, logger: Logger) {
        self.location = location
        self.configuration = configuration
        self.logger = logger
        places = DispatchSemaphore(value: max(1, maximum))
    }

    /// Runs `body` in one transaction, committed when it returns and rolled
    /// back when it throws.
    func transaction<T>(_ body: (PostgreSQLSession) throws -> T) throws -> T {
        places.wait()
        defer { places.signal() }
        let connection = try checkOut()
        let session = PostgreSQLSession(connection: connection, location: location, logger: logger)
        do {
            try session.execute("BEGIN", [])
            let result = try body(session)
            try session.execute("COMMIT", [])
            checkIn(connection)
            return result
        } catch {
            if (try? session.execute("ROLLBACK", [])) != nil {
                checkIn(connection)
            } else {
                _ = try? connection.close().wait()
            }
            throw error
        }
    }

    /// Runs `body` holding the session-level advisory lock `key` on a
    /// connection of its own, which `body`'s transactions (on the pool's
    /// other connections) do not use: the lock spans several of them.
    func holdingLock<T>(_ key: Int64, _ body: () throws -> T) throws -> T {
        places.wait()
        defer { places.signal() }
        let connection = try checkOut()
        let session = PostgreSQLSession(connection: connection, location: location, logger: logger)
        do {
            try session.execute("SELECT pg_advisory_lock(?)", [key])
        } catch {
            _ = try? connection.close().wait()
            throw error
        }
        defer {
            if (try? session.execute("SELECT pg_advisory_unlock(?)", [key])) != nil {
                checkIn(connection)
            } else {
                // Closing the connection releases the lock.
                _ = try? connection.close().wait()
            }
        }
        return try body()
    }

    /// Closes the idle connections (those in use close when returned after this).
    func close() {
        let connections = idle.withLockedValue { connections in
            defer { connections = [] }
            return connections
        }
        for connection in connections { _ = try? connection.close().wait() }
    }

    deinit { close() }

    private func checkOut() throws -> PostgresConnection {
        while let connection = idle.withLockedValue({ $0.popLast() }) {
            if !connection.isClosed { return connection }
        }
        let id = nextID.withLockedValue { value in
            value += 1
            return value
        }
        do {
            return try PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration, id: id, logger: logger
            ).wait()
        } catch {
            throw StoreError(PostgreSQLStore.describe(error, location: location, doing: "connect to"), isBadInput: false)
        }
    }

    private func checkIn(_ connection: PostgresConnection) {
        guard !connection.isClosed else { return }
        idle.withLockedValue { $0.append(connection) }
    }
}
