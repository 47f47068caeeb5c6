import AsyncHTTPClient
import EarshotCore
import Foundation
import Testing
@testable import EarshotOutput

/// WebhookNotifier against a real HTTP receiver (`Servers/webhook_server.py`) on 127.0.0.1.
@Suite struct WebhookNotifierTests {
    static func notifier(port: Int, path: String = "/hooks/T000/B000/s3cretToken",
                         retryDelays: [Duration] = [.milliseconds(50), .milliseconds(100)]) throws -> WebhookNotifier {
        try WebhookNotifier(url: "http://127.0.0.1:\(port)\(path)", httpClient: .shared, timeout: .seconds(5), retryDelays: retryDelays)
    }

    struct Request: Decodable {
        var path: String
        var headers: [String: String]
        var status: Int
    }

    static func requests(_ server: LocalServer) throws -> [(meta: Request, body: Data)] {
        try server.files(suffix: ".meta.json").map { url in
            let meta = try JSONDecoder().decode(Request.self, from: Data(contentsOf: url))
            let body = try Data(contentsOf: url.deletingPathExtension().deletingPathExtension().appendingPathExtension("json"))
            return (meta, body)
        }
    }

    @Test func postsTheJSONPayload() async throws {
        let server = try await LocalServer.start("webhook_server.py")
        defer { server.stop() }
        let message = try DeliveryFixture.message(DeliveryFixture.spike(brand: "品维"), DeliveryFixture.trustDrop(brand: "品维"))
        try await Self.notifier(port: server.port).deliver(message)

        let requests = try Self.requests(server)
        #expect(requests.count == 1)
        let request = try #require(requests.first)
        #expect(request.meta.path == "/hooks/T000/B000/s3cretToken")
        #expect(request.meta.headers["Content-Type"] == "application/json; charset=utf-8")
        #expect(request.meta.headers["Idempotency-Key"] == message.idempotencyKey)
        #expect(request.body == (try message.webhookJSON()))
        let object = try #require(try JSONSerialization.jsonObject(with: request.body) as? [String: Any])
        #expect(object["brand"] as? String == "品维")
        #expect((object["text"] as? String)?.hasPrefix("*[earshot] 品维: negative spike in customer service, trust score drop*") == true)
        let alerts = try #require(object["alerts"] as? [[String: Any]])
        #expect(alerts.map { $0["kind"] as? String } == ["negative-spike", "trust-drop"])
        #expect(alerts.map { $0["episodeId"] as? String } == ["品维|negative-spike|service|2026-11-18", "品维|trust-drop|all|2026-11-20"])
    }

    @Test func retriesServerErrorsThenSucceeds() async throws {
        let server = try await LocalServer.start("webhook_server.py", ["--fail", "2"])
        defer { server.stop() }
        let message = try DeliveryFixture.message(DeliveryFixture.spike())
        try await Self.notifier(port: server.port).deliver(message)
        let requests = try Self.requests(server)
        #expect(requests.map(\.meta.status) == [500, 500, 200])
        #expect(Set(requests.map(\.body)).count == 1, "every attempt posts the same body")
        #expect(Set(requests.compactMap { $0.meta.headers["Idempotency-Key"] }) == [message.idempotencyKey])
    }

    @Test func givesUpAfterTheLastRetry() async throws {
        let server = try await LocalServer.start("webhook_server.py", ["--fail", "10", "--fail-status", "503"])
        defer { server.stop() }
        let error = await #expect(throws: EarshotError.self) {
            try await Self.notifier(port: server.port).deliver(try DeliveryFixture.message(DeliveryFixture.spike()))
        }
        #expect(error?.code == .delivery)
        #expect(error?.message.contains("failed 3 attempts; last: HTTP 503") == true)
        #expect(error?.message.contains("s3cretToken") == false)
        #expect(try Self.requests(server).count == 3)
    }

    @Test func aClientErrorFailsAtOnceWithTheReceiversText() async throws {
        let server = try await LocalServer.start("webhook_server.py", ["--status", "400"])
        defer { server.stop() }
        let error = await #expect(throws: EarshotError.self) {
            try await Self.notifier(port: server.port).deliver(try DeliveryFixture.message(DeliveryFixture.spike()))
        }
        #expect(error?.message == "webhook http://127.0.0.1:\(server.port) refused the alert: HTTP 400 Bad Request: invalid_payload: test receiver says no")
        #expect(try Self.requests(server).count == 1)
    }

    @Test func aReceiverThatIsDownIsRetriedThenReported() async throws {
        let server = try await LocalServer.start("webhook_server.py")
        server.stop()
        // AsyncHTTPClient keeps trying to connect until the attempt's deadline: keep it short.
        let notifier = try WebhookNotifier(url: "http://127.0.0.1:\(server.port)/hook", httpClient: .shared,
                                           timeout: .milliseconds(500), retryDelays: [.milliseconds(50), .milliseconds(50)])
        let error = await #expect(throws: EarshotError.self) {
            try await notifier.deliver(try DeliveryFixture.message(DeliveryFixture.spike()))
        }
        #expect(error?.code == .delivery)
        #expect(error?.message.hasPrefix("webhook http://127.0.0.1:\(server.port) failed 3 attempts; last: ") == true)
    }

    @Test func aSlowReceiverTimesOut() async throws {
        // The SMTP test server's silent mode accepts connections and never answers.
        let server = try await LocalServer.start("smtp_server.py", ["--mode", "silent"])
        defer { server.stop() }
        let notifier = try WebhookNotifier(url: "http://127.0.0.1:\(server.port)/", httpClient: .shared,
                                           timeout: .milliseconds(300), retryDelays: [])
        let started = ContinuousClock.now
        let error = await #expect(throws: EarshotError.self) {
            try await notifier.deliver(try DeliveryFixture.message(DeliveryFixture.spike()))
        }
        #expect(error?.message.contains("failed 1 attempt; last: ") == true)
        #expect(ContinuousClock.now - started < .seconds(60), "the silent receiver never answers: only the timeout ends this")
    }
}
