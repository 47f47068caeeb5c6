import Foundation

extension AlertMessage {
    /// The JSON body for webhooks: `status` (`firing` or `resolved`), `text` (Slack mrkdwn),
    /// `subject`, `brand`, `idempotencyKey`, `messageId`, `episodeIds`, `notificationIds` and
    /// `alerts` (each with `status`, `notificationId`, `sequence`, `brand`, `kind`, `aspect`, `day`,
    /// `episodeStart`, `episodeId`, `fingerprint`, `title`, `details` and `evidence`), sorted keys.
    /// - Throws: an `EncodingError` only if encoding fails, which the payload's types prevent.
    public func webhookJSON() throws -> Data {
        try WebhookPayload(self).json()
    }
}
