import Foundation

extension AlertMessage {
    /// The JSON body for webhooks: `text` (Slack mrkdwn), `subject`, `brand`, `idempotencyKey`,
    /// `messageId`, `episodeIds` and `alerts` (each with `brand`, `kind`, `aspect`, `day`,
    /// `episodeStart`, `episodeId`, `fingerprint`, `title`, `details` and `evidence`), sorted keys.
    /// - Throws: an `EncodingError` only if encoding fails, which the payload's types prevent.
    public func webhookJSON() throws -> Data {
        try WebhookPayload(self).json()
    }
}
