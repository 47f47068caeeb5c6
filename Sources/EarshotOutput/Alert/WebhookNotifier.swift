import AsyncHTTPClient
import EarshotCore
import Foundation
import Logging
import NIOCore

/// Posts alert messages as JSON to a webhook (Slack, Mattermost, or any HTTP receiver).
///
/// The body is ``AlertMessage/webhookJSON()``, with its Slack-compatible `text`; the
/// `Idempotency-Key` header carries ``AlertMessage/idempotencyKey``. A 2xx answer is success.
/// A 5xx, 408 or 429 answer or a network error is retried after each of ``retryDelays``; any
/// other answer (a 4xx: wrong URL, rejected payload) fails at once. Error messages show only
/// the URL's scheme, host and port, because webhook paths often hold a secret token.
public struct WebhookNotifier: Notifier {
    /// The URL that receives the POST.
    public let url: String
    /// How long one attempt may take, response included.
    public let timeout: Duration
    /// The waits before the second, third, … attempt; its count is the number of retries.
    public let retryDelays: [Duration]
    let httpClient: HTTPClient
    let logger: Logger

    /// Creates a notifier.
    ///
    /// - Parameters:
    ///   - url: an absolute `http` or `https` URL.
    ///   - httpClient: the client to post with; the caller owns its lifetime.
    ///   - timeout: the deadline of each attempt.
    ///   - retryDelays: the backoff between attempts (1 s, then 4 s by default: three attempts).
    ///   - logger: receives `debug` events per attempt.
    /// - Throws: ``EarshotCore/EarshotError`` `.configuration` when `url` is not an http(s) URL with a host.
    public init(url: String, httpClient: HTTPClient, timeout: Duration = .seconds(10),
                retryDelays: [Duration] = [.seconds(1), .seconds(4)],
                logger: Logger = Logger(label: "earshot.delivery", factory: { _ in SwiftLogNoOpLogHandler() })) throws {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty else {
            throw EarshotError(.configuration, "alerts.webhook.url is not an http or https URL with a host; write https://host/path")
        }
        self.url = url
        self.httpClient = httpClient
        self.timeout = timeout
        self.retryDelays = retryDelays
        self.logger = logger
    }

    /// `https://host:port`: the URL without the path, query or credentials that may be secret.
    var origin: String {
        guard let components = URLComponents(string: url), let scheme = components.scheme, let host = components.host else {
            return "the webhook"
        }
        return "\(scheme)://\(host)" + (components.port.map { ":\($0)" } ?? "")
    }

    /// Posts `message`, retrying server errors and network failures.
    /// - Throws: ``EarshotCore/EarshotError`` `.delivery` on a 4xx answer (with the start of the
    ///   receiver's body), or when every attempt failed (with the last failure).
    public func deliver(_ message: AlertMessage) async throws {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
        request.headers.add(name: "User-Agent", value: "earshot")
        request.headers.add(name: "Idempotency-Key", value: message.idempotencyKey)
        do {
            request.body = .bytes(ByteBuffer(bytes: try message.webhookJSON()))
        } catch {
            throw EarshotError(.delivery, "could not encode the alert for the webhook", cause: error)
        }

        var lastFailure = ""
        for attempt in 0...retryDelays.count {
            if attempt > 0 { try await Task.sleep(for: retryDelays[attempt - 1]) }
            let metadata: Logger.Metadata = ["webhook.origin": "\(origin)", "message.id": "\(message.messageID)",
                                             "attempt": "\(attempt + 1)"]
            do {
                let response = try await httpClient.execute(request, timeout: TimeAmount(timeout))
                let body = try? await response.body.collect(upTo: 64 * 1024)
                let code = Int(response.status.code)
                if (200..<300).contains(code) {
                    logger.debug("alert webhook delivered", metadata: metadata)
                    return
                }
                let said = WebhookNotifier.excerpt(body)
                lastFailure = "HTTP \(code) \(response.status.reasonPhrase)" + (said.isEmpty ? "" : ": " + said)
                guard code >= 500 || code == 408 || code == 429 else {
                    throw EarshotError(.delivery, "webhook \(origin) refused the alert: \(lastFailure)")
                }
            } catch let error as EarshotError {
                throw error
            } catch is CancellationError {
                throw EarshotError(.delivery, "webhook delivery to \(origin) was cancelled")
            } catch {
                lastFailure = "\(error)"
            }
            logger.debug("alert webhook attempt failed", metadata: metadata.merging(["error": "\(lastFailure)"]) { $1 })
        }
        let attempts = retryDelays.count + 1
        throw EarshotError(.delivery, "webhook \(origin) failed \(attempts) attempt\(attempts == 1 ? "" : "s"); last: \(lastFailure)")
    }

    /// The start of a response body as one clean line (at most 300 characters).
    static func excerpt(_ body: ByteBuffer?) -> String {
        guard let body else { return "" }
        let text = MIMEHeader.sanitized(String(decoding: body.readableBytesView.prefix(2048), as: UTF8.self))
            .trimmingCharacters(in: .whitespaces)
        return text.count > 300 ? String(text.prefix(300)) + "…" : text
    }
}
