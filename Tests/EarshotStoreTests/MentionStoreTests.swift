import EarshotCore
import EarshotStore
import Foundation
import Testing

/// The contract of ``MentionStore``, run against every implementation.
struct MentionStoreTests {
    // MARK: Mentions

    @Test(arguments: StoreKind.allCases)
    func commitInsertsOnlyNewMentionsInInputOrder(kind: StoreKind) async throws {
        let store = try kind.make()
        let a = Sample.mention("a"), b = Sample.mention("b"), c = Sample.mention("c")

        let first = try await store.commit(source: "feed", mentions: [b, a], validators: nil, notModified: false, at: Sample.date())
        #expect(first == [b, a])

        let again = try await store.commit(source: "feed", mentions: [b, a], validators: nil, notModified: false, at: Sample.date())
        #expect(again == [])

        let mixed = try await store.commit(source: "feed", mentions: [a, c, b], validators: nil, notModified: false, at: Sample.date())
        #expect(mixed == [c])
        #expect(try await store.mentions(in: Sample.day...Sample.day).map(\.mention.id) == ["a", "b", "c"])
    }

    @Test(arguments: StoreKind.allCases)
    func commitStoresARepeatedIDOnce(kind: StoreKind) async throws {
        let store = try kind.make()
        var edited = Sample.mention("a")
        edited.mention.text = "edited"

        let inserted = try await store.commit(source: "feed", mentions: [Sample.mention("a"), edited], validators: nil,
                                              notModified: false, at: Sample.date())

        #expect(inserted == [Sample.mention("a")])
        #expect(try await store.mentions(in: Sample.day...Sample.day) == [Sample.mention("a")])
    }

    @Test(arguments: StoreKind.allCases)
    func mentionsRoundTripEveryField(kind: StoreKind) async throws {
        let store = try kind.make()
        let full = ScoredMention(
            mention: Mention(id: "full", brand: "Acme", source: "reviews", title: "Great «stay»", text: "Staff 很好, terima kasih 👍",
                             publishedAt: Sample.date(seconds: 3_661), url: "https://example.com/r/1?x=1&y=2",
                             author: "Ann O'Neil", rating: 4.5),
            sentiment: Sentiment(compound: -0.9876, pos: 0.012, neu: 0.3, neg: 0.688),
            lang: "zh",
            aspects: [AspectScore(aspect: "staff", touchpoint: .service, compound: 0.61),
                      AspectScore(aspect: "room", touchpoint: .experience, compound: -0.25)],
            terms: ["很好", "terima kasih", "👍"])
        let bare = ScoredMention(
            mention: Mention(id: "bare", brand: "Beta", source: "feed", text: "plain",
                             publishedAt: Sample.date(seconds: 7_200)),
            sentiment: .neutral, lang: "ms")

        _ = try await store.commit(source: "reviews", mentions: [full, bare], validators: nil, notModified: false, at: Sample.date())

        let stored = try await store.mentions(in: Sample.day...Sample.day)
        #expect(stored == [full, bare])
        #expect(stored.first?.mention.rating == 4.5)
        #expect(stored.last?.mention.rating == nil)
        #expect(stored.last?.mention.title == nil)
        #expect(stored.first?.mention.publishedAt == Sample.date(seconds: 3_661))
    }

    @Test(arguments: StoreKind.allCases)
    func mentionsInARangeAreOrderedByDateThenID(kind: StoreKind) async throws {
        let store = try kind.make()
        let day = Sample.day
        let mentions = [
            Sample.mention("before", on: day.advanced(by: 1), seconds: 86_399).withID("late-previous-day"),
            Sample.mention("z-first", on: day.advanced(by: 2), seconds: 0),
            Sample.mention("b-noon", on: day.advanced(by: 2), seconds: 43_200),
            Sample.mention("a-noon", on: day.advanced(by: 2), seconds: 43_200),
            Sample.mention("last", on: day.advanced(by: 3), seconds: 86_399),
            Sample.mention("after", on: day.advanced(by: 4), seconds: 0),
        ]
        _ = try await store.commit(source: "feed", mentions: mentions, validators: nil, notModified: false, at: Sample.date())

        let inRange = try await store.mentions(in: day.advanced(by: 2)...day.advanced(by: 3))

        #expect(inRange.map(\.mention.id) == ["z-first", "a-noon", "b-noon", "last"])
        #expect(try await store.mentions(in: day.advanced(by: 10)...day.advanced(by: 20)) == [])
    }

    @Test(arguments: StoreKind.allCases)
    func ratedReviewsAreTheRatedMentionsUpToADay(kind: StoreKind) async throws {
        let store = try kind.make()
        let day = Sample.day
        _ = try await store.commit(source: "reviews", mentions: [
            Sample.mention("r3", brand: "Beta", on: day.advanced(by: 2), rating: 1),
            Sample.mention("r1", on: day, rating: 5),
            Sample.mention("unrated", on: day.advanced(by: 1)),
            Sample.mention("r2", on: day.advanced(by: 1), rating: 3.5),
            Sample.mention("future", on: day.advanced(by: 3), rating: 2),
        ], validators: nil, notModified: false, at: Sample.date())

        let reviews = try await store.ratedReviews(through: day.advanced(by: 2))

        #expect(reviews == [
            RatedReview(brand: "Acme", day: day, rating: 5, source: "feed"),
            RatedReview(brand: "Acme", day: day.advanced(by: 1), rating: 3.5, source: "feed"),
            RatedReview(brand: "Beta", day: day.advanced(by: 2), rating: 1, source: "feed"),
        ], "each review names the source of its mention (for trust per source group)")
        #expect(try await store.ratedReviews(through: day.advanced(by: -1)) == [])
    }

    @Test(arguments: StoreKind.allCases)
    func firstMentionDaysAreTheEarliestDayOfEachBrand(kind: StoreKind) async throws {
        let store = try kind.make()
        let day = Sample.day
        #expect(try await store.firstMentionDays() == [:])
        _ = try await store.commit(source: "feed", mentions: [
            Sample.mention("1", brand: "Acme", on: day.advanced(by: 3)),
            Sample.mention("2", brand: "Acme", on: day.advanced(by: 1)),
            Sample.mention("3", brand: "Beta", on: day.advanced(by: 5)),
        ], validators: nil, notModified: false, at: Sample.date())

        #expect(try await store.firstMentionDays() == ["Acme": day.advanced(by: 1), "Beta": day.advanced(by: 5)])
    }

    @Test(arguments: StoreKind.allCases)
    func concurrentCommitsInsertEachMentionOnce(kind: StoreKind) async throws {
        let store = try kind.make()
        let mentions = (0..<50).map { Sample.mention("m\($0)") }

        let inserted = try await withThrowingTaskGroup(of: [ScoredMention].self) { group in
            for _ in 0..<8 {
                group.addTask {
                    try await store.commit(source: "feed", mentions: mentions, validators: nil, notModified: false, at: Sample.date())
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }

        #expect(Set(inserted.map(\.mention.id)) == Set(mentions.map(\.mention.id)))
        #expect(inserted.count == 50)
        #expect(try await store.sourceHealth().first?.fetches == 8)
    }

    @Test(arguments: StoreKind.allCases)
    func aMentionThatBreaksTheRulesFailsTheWholeCommit(kind: StoreKind) async throws {
        let store = try kind.make()
        let broken = [
            Sample.mention("stars", rating: 6),
            Sample.mention("stars0", rating: 0),
            Sample.mention("starsNaN", rating: .nan),
            Sample.mention("compound", compound: 1.5),
            Sample.mention("compoundNaN", compound: .nan),
        ]
        for bad in broken {
            let error = await #expect(throws: EarshotError.self) {
                _ = try await store.commit(source: "feed", mentions: [Sample.mention("good"), bad],
                                           validators: HTTPValidators(etag: "\"x\""), notModified: false, at: Sample.date())
            }
            #expect(error?.code == .store)
            #expect(error?.description.contains("store's rules") == true)
        }
        #expect(try await store.mentions(in: Sample.day...Sample.day) == [])
        #expect(try await store.sourceHealth() == [])
        #expect(try await store.validators(for: "feed") == nil)
    }

    // MARK: Sources

    @Test(arguments: StoreKind.allCases)
    func validatorsAreSavedAndKeptOnNotModified(kind: StoreKind) async throws {
        let store = try kind.make()
        let first = HTTPValidators(etag: "\"v1\"", lastModified: "Wed, 01 May 2024 12:00:00 GMT")
        #expect(try await store.validators(for: "feed") == nil)

        _ = try await store.commit(source: "feed", mentions: [], validators: first, notModified: false, at: Sample.date())
        #expect(try await store.validators(for: "feed") == first)

        _ = try await store.commit(source: "feed", mentions: [], validators: nil, notModified: true, at: Sample.date())
        #expect(try await store.validators(for: "feed") == first)

        try await store.recordFailure(source: "feed", message: "timeout", at: Sample.date())
        #expect(try await store.validators(for: "feed") == first)

        let second = HTTPValidators(etag: "\"v2\"")
        _ = try await store.commit(source: "feed", mentions: [], validators: second, notModified: false, at: Sample.date())
        #expect(try await store.validators(for: "feed") == second)

        _ = try await store.commit(source: "feed", mentions: [], validators: HTTPValidators(), notModified: false, at: Sample.date())
        #expect(try await store.validators(for: "feed") == nil)
        #expect(try await store.validators(for: "other") == nil)
    }

    @Test(arguments: StoreKind.allCases)
    func healthCountsFetchesFailuresAndNotModified(kind: StoreKind) async throws {
        let store = try kind.make()
        let t0 = Sample.date(seconds: 0), t1 = Sample.date(seconds: 60), t2 = Sample.date(seconds: 120), t3 = Sample.date(seconds: 180)

        _ = try await store.commit(source: "feed", mentions: [], validators: nil, notModified: false, at: t0)
        _ = try await store.commit(source: "feed", mentions: [], validators: nil, notModified: true, at: t1)
        try await store.recordFailure(source: "feed", message: "HTTP 503", at: t2)
        try await store.recordFailure(source: "feed", message: "timeout", at: t3)
        try await store.recordFailure(source: "broken", message: "parse error", at: t3)

        #expect(try await store.sourceHealth() == [
            SourceHealth(source: "broken", lastFailure: t3, lastError: "parse error", consecutiveFailures: 1, fetches: 1),
            SourceHealth(source: "feed", lastSuccess: t1, lastFailure: t3, lastError: "timeout",
                         consecutiveFailures: 2, fetches: 4, notModified: 1),
        ])

        let t4 = Sample.date(seconds: 240)
        _ = try await store.commit(source: "feed", mentions: [], validators: nil, notModified: false, at: t4)
        let feed = try #require(try await store.sourceHealth().first { $0.source == "feed" })
        #expect(feed == SourceHealth(source: "feed", lastSuccess: t4, lastFailure: t3, lastError: "timeout",
                                     consecutiveFailures: 0, fetches: 5, notModified: 1))
    }

    @Test(arguments: StoreKind.allCases)
    func holdsAreKeptUntilTheNextSuccess(kind: StoreKind) async throws {
        let store = try kind.make()
        let t0 = Sample.date(seconds: 0), later = Sample.date(seconds: 3_600), t1 = Sample.date(seconds: 60)

        try await store.recordFailure(source: "busy", message: "429", at: t0, hold: .until(later), url: "https://a.example/feed")
        try await store.recordFailure(source: "gone", message: "410", at: t0, hold: .gone, url: "https://b.example/feed")
        try await store.recordFailure(source: "gone", message: "timeout", at: t1, hold: nil, url: "https://b.example/feed")

        let health = Dictionary(uniqueKeysWithValues: try await store.sourceHealth().map { ($0.source, $0) })
        #expect(health["busy"]?.skipUntil == later)
        #expect(health["busy"]?.retiredAt == nil)
        let gone = try #require(health["gone"])
        #expect(gone.retiredAt == t0, "a later failure without a hold keeps the retirement")
        #expect(gone.isRetired(at: "https://b.example/feed"))
        #expect(!gone.isRetired(at: "https://b.example/new-feed"), "a new url brings the source back")

        _ = try await store.commit(source: "busy", mentions: [], validators: nil, notModified: false, at: t1)
        _ = try await store.commit(source: "gone", mentions: [], validators: nil, notModified: false, at: t1)
        for source in try await store.sourceHealth() {
            #expect(source.skipUntil == nil && source.retiredAt == nil && source.retiredURL == nil, "\(source.source)")
        }
    }

    // MARK: Alerts

    @Test(arguments: StoreKind.allCases)
    func recordAlertsReturnsEachEpisodeOnceWithAnOutboxEntryPerChannel(kind: StoreKind) async throws {
        let store = try kind.make()
        let spike = Sample.alert()
        let trust = Sample.alert(kind: .trustDrop, aspect: "service")
        let now = Sample.date()

        let new = try await store.recordAlerts(firing: [spike, trust], resolved: [], channels: ["email", "webhook"], at: now)
        #expect(new == [spike, trust])

        let pending = try await store.pendingDeliveries(at: now)
        #expect(pending.count == 4)
        #expect(Set(pending.map { "\($0.episodeID) \($0.channel)" }) == [
            "\(spike.episodeID) email", "\(spike.episodeID) webhook", "\(trust.episodeID) email", "\(trust.episodeID) webhook",
        ])
        for entry in pending {
            #expect(entry.alert == (entry.episodeID == spike.episodeID ? spike : trust))
            #expect(entry.attempts == 0)
            #expect(entry.createdAt == now)
            #expect(entry.deliveredAt == nil)
            #expect(entry.lastError == nil)
        }

        // The same episode, firing again the next day: not new, nothing queued.
        let nextDay = Sample.alert(on: Sample.day.advanced(by: 1), start: Sample.day)
        let again = try await store.recordAlerts(firing: [nextDay, spike], resolved: [], channels: ["email", "webhook"],
                                                 at: now.addingTimeInterval(86_400))
        #expect(again == [])
        #expect(try await store.pendingDeliveries(at: now.addingTimeInterval(86_400)) == pending)
    }

    @Test(arguments: StoreKind.allCases)
    func anAlertRepeatedInOneCallIsNewOnce(kind: StoreKind) async throws {
        let store = try kind.make()
        let spike = Sample.alert()

        let new = try await store.recordAlerts(firing: [spike, spike], resolved: [], channels: ["log"], at: Sample.date())

        #expect(new == [spike])
        #expect(try await store.pendingDeliveries(at: Sample.date()).map(\.channel) == ["log"])
    }

    @Test(arguments: StoreKind.allCases)
    func anAlertWithoutChannelsIsQueuedOnceButHasNoOutboxEntry(kind: StoreKind) async throws {
        let store = try kind.make()

        #expect(try await store.recordAlerts(firing: [Sample.alert()], resolved: [], channels: [], at: Sample.date()) == [Sample.alert()])
        #expect(try await store.recordAlerts(firing: [Sample.alert()], resolved: [], channels: ["email"], at: Sample.date()) == [])
        #expect(try await store.pendingDeliveries(at: Sample.date()) == [])
    }

    @Test(arguments: StoreKind.allCases)
    func episodesOpenExtendAndResolve(kind: StoreKind) async throws {
        let store = try kind.make()
        let d0 = Sample.day, d1 = d0.advanced(by: 1), d2 = d0.advanced(by: 2), d5 = d0.advanced(by: 5)
        let spike = Sample.alert(on: d0)
        let trust = Sample.alert(kind: .trustDrop, on: d1)

        _ = try await store.recordAlerts(firing: [spike, trust], resolved: [], channels: ["email"], at: Sample.date(d1))
        // Lifecycle only here; the notification state is AlertNoticeStoreTests' concern.
        func episodes() async throws -> [AlertEpisode] {
            try await store.episodes().map { AlertEpisode(fingerprint: $0.fingerprint, start: $0.start, lastFired: $0.lastFired, resolved: $0.resolved) }
        }
        #expect(try await episodes() == [
            AlertEpisode(fingerprint: trust.fingerprint, start: d1, lastFired: d1),
            AlertEpisode(fingerprint: spike.fingerprint, start: d0, lastFired: d0),
        ])

        // Fires again on d2, and a late report for d1 does not move it back.
        _ = try await store.recordAlerts(firing: [Sample.alert(on: d2, start: d0), Sample.alert(on: d1, start: d0)],
                                         resolved: [], channels: ["email"], at: Sample.date(d2))
        // Resolved with an explicit day, and one without (the day of `at`).
        _ = try await store.recordAlerts(
            firing: [Sample.alert(on: d5)],
            resolved: [AlertEpisode(fingerprint: spike.fingerprint, start: d0, lastFired: d2, resolved: d2.advanced(by: 1)),
                       AlertEpisode(fingerprint: trust.fingerprint, start: d1, lastFired: d1)],
            channels: ["email"], at: Sample.date(d0.advanced(by: 4)))

        #expect(try await episodes() == [
            AlertEpisode(fingerprint: spike.fingerprint, start: d5, lastFired: d5),
            AlertEpisode(fingerprint: trust.fingerprint, start: d1, lastFired: d1, resolved: d0.advanced(by: 4)),
            AlertEpisode(fingerprint: spike.fingerprint, start: d0, lastFired: d2, resolved: d0.advanced(by: 3)),
        ])
        // A new episode of the same condition is a new alert.
        #expect(try await store.pendingDeliveries(at: Sample.date(d5)).count == 3)
    }

    @Test(arguments: StoreKind.allCases)
    func anEpisodeThatEndsBeforeItStartsIsRejected(kind: StoreKind) async throws {
        let store = try kind.make()
        let spike = Sample.alert()
        let backwards = AlertEpisode(fingerprint: spike.fingerprint, start: Sample.day, lastFired: Sample.day,
                                     resolved: Sample.day.advanced(by: -1))

        let error = await #expect(throws: EarshotError.self) {
            _ = try await store.recordAlerts(firing: [spike], resolved: [backwards], channels: ["email"], at: Sample.date())
        }

        #expect(error?.code == .store)
        #expect(try await store.episodes() == [])
        #expect(try await store.pendingDeliveries(at: Sample.date()) == [])
        #expect(try await store.recordAlerts(firing: [spike], resolved: [], channels: ["email"], at: Sample.date()) == [spike])
    }

    // MARK: Outbox

    @Test(arguments: StoreKind.allCases)
    func pendingDeliveriesAreOldestFirst(kind: StoreKind) async throws {
        let store = try kind.make()
        let later = Sample.alert(brand: "Zeta")
        let earlier = Sample.alert(brand: "Beta")
        _ = try await store.recordAlerts(firing: [earlier], resolved: [], channels: ["webhook", "email"], at: Sample.date(seconds: 0))
        _ = try await store.recordAlerts(firing: [later], resolved: [], channels: ["email"], at: Sample.date(seconds: 60))

        let pending = try await store.pendingDeliveries(at: Sample.date(seconds: 60))

        #expect(pending.map { "\($0.alert.brand) \($0.channel)" } == ["Beta email", "Beta webhook", "Zeta email"])
        #expect(try await store.pendingDeliveries(at: Sample.date(seconds: 30)).count == 3)
    }

    @Test(arguments: StoreKind.allCases)
    func aFailedDeliveryIsRetriedAfterItsTimeAndADeliveredOneNever(kind: StoreKind) async throws {
        let store = try kind.make()
        let now = Sample.date(seconds: 0)
        _ = try await store.recordAlerts(firing: [Sample.alert()], resolved: [], channels: ["email", "webhook"], at: now)
        let pending = try await store.pendingDeliveries(at: now)
        let email = try #require(pending.first { $0.channel == "email" })
        let webhook = try #require(pending.first { $0.channel == "webhook" })

        try await store.markDelivered(webhook, at: now.addingTimeInterval(1))
        let retryAt = now.addingTimeInterval(300)
        try await store.markFailed(email, error: "451 try later", retryAt: retryAt)

        #expect(try await store.pendingDeliveries(at: now.addingTimeInterval(299)) == [])
        let due = try await store.pendingDeliveries(at: retryAt)
        #expect(due.map(\.channel) == ["email"])
        #expect(due.first?.attempts == 1)
        #expect(due.first?.lastError == "451 try later")
        #expect(due.first?.deliveredAt == nil)

        try await store.markFailed(email, error: "timeout", retryAt: retryAt.addingTimeInterval(600))
        let second = try await store.pendingDeliveries(at: retryAt.addingTimeInterval(600))
        #expect(second.first?.attempts == 2)
        #expect(second.first?.lastError == "timeout")

        try await store.markDelivered(email, at: retryAt.addingTimeInterval(601))
        try await store.markDelivered(email, at: retryAt.addingTimeInterval(900))
        #expect(try await store.pendingDeliveries(at: now.addingTimeInterval(1_000_000)) == [])
    }

    @Test(arguments: StoreKind.allCases)
    func markingAnUnknownEntryThrows(kind: StoreKind) async throws {
        let store = try kind.make()
        let stranger = OutboxEntry(episodeID: "nobody", channel: "email", alert: Sample.alert(), createdAt: Sample.date())

        let delivered = await #expect(throws: EarshotError.self) {
            try await store.markDelivered(stranger, at: Sample.date())
        }
        let failed = await #expect(throws: EarshotError.self) {
            try await store.markFailed(stranger, error: "x", retryAt: Sample.date())
        }

        #expect(delivered?.code == .store)
        #expect(failed?.message.contains("no such entry") == true)
    }
}

extension ScoredMention {
    fileprivate func withID(_ id: String) -> ScoredMention {
        var copy = self
        copy.mention.id = id
        return copy
    }
}
