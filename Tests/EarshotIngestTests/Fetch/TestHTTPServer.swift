import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// A tiny HTTP/1.1 server on 127.0.0.1 (an ephemeral port) for the fetcher's integration
/// tests: each request is answered by `route` and remembered, so tests can check what the
/// client sent. Close it with ``close()``.
final class TestHTTPServer: Sendable {
    struct Response: Sendable {
        var status: HTTPResponseStatus
        var headers: [(String, String)] = []
        var body: [UInt8] = []
    }

    typealias Route = @Sendable (HTTPRequestHead) -> Response

    let port: Int
    private let channel: any Channel
    private let log: RequestLog

    private init(channel: any Channel, port: Int, log: RequestLog) {
        self.channel = channel
        self.port = port
        self.log = log
    }

    /// Starts a server that answers every request with `route`.
    static func start(_ route: @escaping Route) async throws -> TestHTTPServer {
        let log = RequestLog()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(Handler(route: route, log: log))
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        guard let port = channel.localAddress?.port else {
            try await channel.close()
            throw CocoaError(.fileReadUnknown)
        }
        return TestHTTPServer(channel: channel, port: port, log: log)
    }

    /// Runs `body` with a server started for `route`, closing the server afterwards.
    static func with<T>(_ route: @escaping Route, _ body: (TestHTTPServer) async throws -> T) async throws -> T {
        let server = try await start(route)
        do {
            let result = try await body(server)
            try await server.close()
            return result
        } catch {
            try? await server.close()
            throw error
        }
    }

    /// `http://127.0.0.1:<port><path>`.
    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// The heads of the requests received so far, in order.
    var requests: [HTTPRequestHead] { log.all }

    func close() async throws { try await channel.close() }

    /// The requests received, shared with the connection handlers.
    private final class RequestLog: @unchecked Sendable {
        private let lock = NSLock()
        private var heads: [HTTPRequestHead] = []

        func append(_ head: HTTPRequestHead) { lock.withLock { heads.append(head) } }
        var all: [HTTPRequestHead] { lock.withLock { heads } }
    }

    private final class Handler: ChannelInboundHandler {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        let route: Route
        let log: RequestLog
        var head: HTTPRequestHead?

        init(route: @escaping Route, log: RequestLog) {
            self.route = route
            self.log = log
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head):
                self.head = head
            case .body:
                break
            case .end:
                guard let head else { return }
                self.head = nil
                log.append(head)
                let response = route(head)
                var headers = HTTPHeaders(response.headers)
                if response.status != .notModified {
                    headers.replaceOrAdd(name: "Content-Length", value: String(response.body.count))
                }
                context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: response.status, headers: headers))),
                              promise: nil)
                if !response.body.isEmpty {
                    context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: response.body)))), promise: nil)
                }
                context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            }
        }
    }
}
