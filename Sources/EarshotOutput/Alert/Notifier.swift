import EarshotCore

/// Delivers grouped alert messages to one channel: SMTP, sendmail, a webhook, or memory.
///
/// A notifier either returns, meaning the channel accepted the message (the SMTP server
/// answered 250 to the data, sendmail exited 0, the webhook answered 2xx), or throws. The
/// caller records the outcome in the store's outbox, keyed by the message's
/// ``AlertMessage/notificationIDs``, so each notification (an episode's first, a repeat, or
/// its resolved notice) is delivered once.
public protocol Notifier: Sendable {
    /// Sends one message.
    ///
    /// - Parameter message: the alerts of one brand, grouped for one run.
    /// - Throws: ``EarshotCore/EarshotError`` with code `.delivery` and a message that says what
    ///   the server or program answered; it never contains a password.
    func deliver(_ message: AlertMessage) async throws
}
