import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// A tiny HTTP/1.1 server on 127.0.0.1 (an ephemeral port) for the fetcher's integration
/// tests: each request is answered by `route` and remembered, so tests can check what the
/// client sent, and how many requests were in flight at once. A response can be delayed, and
/// its body can trickle out in chunks (slowly, or without end). Close it with ``close()``.
final class TestHTTPServer: Sendable {
    struct Response: Sendable {
        var status: HTTPResponseStatus
        var headers: [(String, String)] = []
        var body: [UInt8] = []
        /// How long the server waits before it answers.
        var delay: TimeAmount = .zero
        /// A body sent in chunks after `body`, chunked-encoded; nil for a plain body.
        var trickle: Trickle? = nil
        /// Close the connection instead of answering.
        var hangUp = false
    }

    /// A body that comes `chunk` by `chunk`, one every `every`; `count` nil means without end
    /// (until the client goes away).
    struct Trickle: Sendable {
        var chunk: [UInt8]
        var every: TimeAmount
        var count: Int?
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

    /// The most requests that were being answered at the same time.
    var maxInFlight: Int { log.maxInFlight }

    func close() async throws { try await channel.close() }

    /// The requests received, shared with the connection handlers.
    private final class RequestLog: @unchecked Sendable {
        private let lock = NSLock()
        private var heads: [HTTPRequestHead] = []
        private var inFlight = 0
        private var peak = 0

        func append(_ head: HTTPRequestHead) {
            lock.withLock {
                heads.append(head)
                inFlight += 1
                peak = max(peak, inFlight)
            }
        }
        func finished() { lock.withLock { inFlight -= 1 } }
        var all: [HTTPRequestHead] { lock.withLock { heads } }
        var maxInFlight: Int { lock.withLock { peak } }
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
                let loop = context.eventLoop.assumeIsolated()
                if response.delay > .zero {
                    loop.scheduleTask(in: response.delay) { self.answer(response, to: head, context: context) }
                } else {
                    answer(response, to: head, context: context)
                }
            }
        }

        private func answer(_ response: Response, to head: HTTPRequestHead, context: ChannelHandlerContext) {
            if response.hangUp {
                log.finished()
                context.close(promise: nil)
                return
            }
            var headers = HTTPHeaders(response.headers)
            if response.status != .notModified, response.trickle == nil {
                headers.replaceOrAdd(name: "Content-Length", value: String(response.body.count))
            }
            context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: response.status, headers: headers))),
                          promise: nil)
            if !response.body.isEmpty {
                context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: response.body)))), promise: nil)
            }
            if let trickle = response.trickle {
                context.flush()
                send(trickle, sent: 0, context: context)
            } else {
                finish(context: context)
            }
        }

        private func send(_ trickle: Trickle, sent: Int, context: ChannelHandlerContext) {
            guard context.channel.isActive, sent < (trickle.count ?? 100_000) else {
                finish(context: context)
                return
            }
            context.eventLoop.assumeIsolated().scheduleTask(in: trickle.every) {
                guard context.channel.isActive else {
                    self.log.finished()
                    return
                }
                context.writeAndFlush(self.wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: trickle.chunk)))),
                                      promise: nil)
                self.send(trickle, sent: sent + 1, context: context)
            }
        }

        private func finish(context: ChannelHandlerContext) {
            let log = log
            context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in log.finished() }
        }
    }
}
