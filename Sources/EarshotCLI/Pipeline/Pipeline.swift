import EarshotAnalysis
import EarshotCore
import EarshotIngest
import EarshotOutput
import EarshotStore
import Foundation
import Logging

/// One batch run: fetch → parse → match → score → store → aggregate → alert → report.
///
/// Stages are the library's pure values and protocols; the pipeline only wires them and
/// keeps going when a source fails. Each source's mentions, validators and health are
/// committed in one transaction, and alerts with their outbox rows in another, so a run that
/// dies half-way leaves state the next run completes without duplicates or gaps.
struct Pipeline {
    var configuration: EarshotConfiguration
    var scorer: SentimentScorer
    var store: any MentionStore
    var fetcher: any DocumentFetcher
    /// Delivery channels by name (`email`, `webhook`); `log` is built in.
    var notifiers: [String: any Notifier]
    /// Alerts muted by the user until a day.
    var silences: SilenceList
    /// The run's "today" and the instant used as `fetchedAt`.
    var asOf: Day
    var now: Date
    var reportsDirectory: URL
    var dryRun: Bool
    var logger: Logger

    /// What the run did, plus the alerts a dry run would have sent.
    struct Outcome {
        var summary: RunSummary
        var wouldSend: [Alert]
    }

    func run() async throws -> Outcome {
        var summary = RunSummary(asOf: now)
        let matcher = MentionMatcher(brands: configuration.brands)
        // Sources a server asked us to leave alone (Retry-After, 410 Gone), from earlier runs.
        let holds = Dictionary(try await store.sourceHealth().map { ($0.source, $0) }, uniquingKeysWith: { first, _ in first })

        // Fetch, parse, match, score and store each source, a bounded number at a time.
        let sources = configuration.sources
        let limit = max(1, configuration.fetch.concurrency)
        let ingestStarted = ContinuousClock.now
        var outcomes: [Int: RunSummary.SourceOutcome] = [:]
        try await withThrowingTaskGroup(of: (Int, RunSummary.SourceOutcome).self) { group in
            var next = 0
            func launch() {
                let index = next
                let source = sources[index]
                group.addTask { (index, await ingest(source, matcher: matcher, health: holds[source.id])) }
                next += 1
            }
            while next < min(limit, sources.count) { launch() }
            while let (index, outcome) = try await group.next() {
                outcomes[index] = outcome
                if next < sources.count { launch() }
            }
        }
        summary.sources = sources.indices.compactMap { outcomes[$0] }
        logger.debug("sources read", metadata: ["sources": "\(sources.count)",
                                                "milliseconds": "\(Int((ContinuousClock.now - ingestStarted) / .milliseconds(1)))"])
        summary.newMentions = summary.sources.reduce(0) { $0 + $1.newMentions }
        summary.failures = summary.sources.filter { $0.status == .failed }.map {
            StageFailure(stage: "ingest", source: $0.id, message: $0.message ?? "failed")
        }

        // Aggregate over the report window and the spike rule's baseline.
        let spike = configuration.alerts.spike
        let reportStart = asOf.advanced(by: -(max(1, configuration.reports.days) - 1))
        let historyStart = min(reportStart, asOf.advanced(by: -(spike.baselineDays + spike.windowDays)))
        let stored = try await store.mentions(in: historyStart...asOf)
        let brandNames = configuration.brands.map(\.name)
        let aggregator = DailyAggregator()
        let series = aggregator.series(stored, brands: brandNames, days: historyStart...asOf)
        let ratings = try await store.ratedReviews(through: asOf)
        let firstDays = try await store.firstMentionDays()
        let episodes = try await store.episodes()

        // Alerts: decide, then record (a dry run records nothing and lists what it would send).
        let evaluator = AlertEvaluator(spike: spike, trust: configuration.alerts.trust, volumeDrop: configuration.alerts.volumeDrop)
        let windowMentions = stored.filter { $0.mention.day >= asOf.advanced(by: -(spike.windowDays - 1)) }
        // Silences (silences.yaml beside the config) mute alerts before they are recorded, listed or reported.
        var decision = evaluator.evaluate(series: series, mentions: windowMentions, ratings: ratings,
                                          firstDays: firstDays, episodes: episodes, asOf: asOf)
        decision.firing = silences.unmuted(decision.firing, asOf: asOf)
        // A volume drop of a brand one of whose sources (those its stored mentions came from)
        // failed this run or keeps failing is inhibited: kept open, listed in the report, not sent.
        let health = try await store.sourceHealth()
        decision.firing = AlertInhibitor(mentions: stored, outcomes: summary.sources, health: health).apply(decision.firing)
        let sendable = decision.firing.filter { $0.inhibition == nil }
        // Notifications: an episode's first, a repeat after alerts.repeat.intervalHours or when it
        // grows, and one "resolved" per notified episode that ended, each queued once by its id.
        let notices = silences.unmuted(evaluator.notices(firing: sendable, resolved: decision.resolved, episodes: episodes,
                                                         policy: configuration.alerts.repeatPolicy, at: now), asOf: asOf)
        var wouldSend: [Alert] = []
        if dryRun {
            wouldSend = notices
        } else {
            summary.newAlerts = try await store.recordAlerts(firing: decision.firing, resolved: decision.resolved, notices: notices,
                                                             channels: channels, at: now)
            summary.failures += try await deliverPending()
        }

        // Reports.
        let report = ReportBuilder(configuration: configuration, asOf: asOf, days: reportStart...asOf).build(
            mentions: stored, series: series, ratings: ratings, alerts: decision.firing, outcomes: summary.sources, health: health,
            resolved: notices.filter { $0.status == .resolved })
        do {
            let folder = try ReportPublisher().publish(report, to: reportsDirectory)
            summary.reportDirectory = folder.path
        } catch {
            summary.failures.append(StageFailure(stage: "report", source: nil, error: error))
        }
        return Outcome(summary: summary, wouldSend: wouldSend)
    }

    /// The delivery channels alerts are queued for: the configured ones, else `log`
    /// (appended to `alerts.log` in the reports folder, so an alert is never lost).
    var channels: [String] {
        var result: [String] = []
        if configuration.alerts.email != nil { result.append("email") }
        if configuration.alerts.webhook != nil { result.append("webhook") }
        return result.isEmpty ? ["log"] : result
    }

    /// Delivers due outbox entries: one grouped message per brand and channel, firing and
    /// resolved notifications together. An entry is
    /// marked delivered only after the server accepted it; a failure is retried on a later run
    /// with exponential backoff (5 minutes doubling, at most 6 hours).
    /// - Returns: the deliveries that failed this run (they stay queued).
    private func deliverPending() async throws -> [StageFailure] {
        var deliveryFailures: [StageFailure] = []
        let due = try await store.pendingDeliveries(at: now)
        let log = AlertLog(file: reportsDirectory.appendingPathComponent("alerts.log"))
        for (channel, entries) in Dictionary(grouping: due, by: \.channel).sorted(by: { $0.key < $1.key }) {
            if channel == "log" {
                for entry in entries {
                    do {
                        try log.append(entry.alert, episodeID: entry.episodeID)
                        try await store.markDelivered(entry, at: now)
                    } catch {
                        try await store.markFailed(entry, error: String(describing: error), retryAt: retryTime(after: entry.attempts))
                    }
                }
                continue
            }
            guard let notifier = notifiers[channel] else { continue }
            for message in AlertMessage.grouped(entries.map(\.alert)) {
                let covered = entries.filter { message.notificationIDs.contains($0.episodeID) }
                do {
                    try await notifier.deliver(message)
                    for entry in covered { try await store.markDelivered(entry, at: now) }
                    logger.debug("alert delivered", metadata: ["alert.channel": "\(channel)", "mention.brand": "\(message.brand)"])
                } catch {
                    for entry in covered {
                        try await store.markFailed(entry, error: String(describing: error), retryAt: retryTime(after: entry.attempts))
                    }
                    deliveryFailures.append(StageFailure(stage: "alert", source: nil, message: "\(channel) delivery for \(message.brand) failed, will retry: \(error)"))
                }
            }
        }
        return deliveryFailures
    }

    /// When a delivery that failed `attempts` times before is tried again.
    private func retryTime(after attempts: Int) -> Date {
        now.addingTimeInterval(min(300 * pow(2, Double(max(0, attempts))), 6 * 3600))
    }

    /// One source through fetch, parse, match, score and store; never throws.
    ///
    /// A source whose server said 410 Gone is not fetched while its url stays the same (and
    /// fails the run, loudly, until the config changes); one whose `Retry-After` has not passed
    /// is skipped without a request.
    private func ingest(_ source: SourceConfig, matcher: MentionMatcher, health: SourceHealth?) async -> RunSummary.SourceOutcome {
        var metadata: Logger.Metadata = ["source.id": "\(source.id)"]
        let location = source.url
        if let health, health.isRetired(at: location), let since = health.retiredAt {
            return .init(id: source.id, status: .failed,
                         message: "source '\(source.id)': retired: \(location) answered 410 Gone on \(Day(since)); remove the source from the config, or give it a new url")
        }
        if let until = health?.skipUntil, until > now {
            return .init(id: source.id, status: .skipped,
                         message: "skipped until \(RetryAfter.text(until)), as the server's Retry-After asked")
        }
        do {
            let validators = try await store.validators(for: source.id)
            let fetched = try await fetcher.fetch(source, validators: validators, now: now)
            let moved = fetched.movedPermanentlyTo.map { "moved permanently to \($0); update its url in the config" }
            if fetched.notModified {
                _ = try await store.commit(source: source.id, mentions: [], validators: nil, notModified: true, at: now)
                logger.debug("source not modified", metadata: metadata)
                return .init(id: source.id, status: .notModified, message: moved)
            }
            let document = try DocumentParser().parse(fetched, source: source)
            let mentions = matcher.mentions(in: document, source: source, fetchedAt: now)
            let scored = mentions.map { mention -> ScoredMention in
                let result = scorer.score(mention.text)
                return ScoredMention(mention: mention, sentiment: result.sentiment, lang: result.lang,
                                     aspects: result.aspects, terms: result.contributions.map(\.term))
            }
            let inserted = try await store.commit(source: source.id, mentions: scored, validators: fetched.validators,
                                                  notModified: false, at: now)
            metadata["items"] = "\(document.items.count)"
            metadata["mentions.new"] = "\(inserted.count)"
            logger.debug("source read", metadata: metadata)
            var notes: [String] = moved.map { [$0] } ?? []
            if !document.warnings.isEmpty {
                notes.append("\(document.warnings.count) warning(s); first: \(document.warnings[0])")
            }
            let message = notes.isEmpty ? nil : notes.joined(separator: "; ")
            return .init(id: source.id, status: .ok, items: document.items.count, newMentions: inserted.count, message: message)
        } catch {
            let message = String(describing: error)
            let hold = (error as? EarshotError)?.hold
            try? await store.recordFailure(source: source.id, message: message, at: now, hold: hold, url: location)
            metadata["error"] = "\(message)"
            logger.debug("source failed", metadata: metadata)
            return .init(id: source.id, status: .failed, message: message)
        }
    }
}
