import EarshotAnalysis
import EarshotCore
import Foundation
import Testing

/// The notification lifecycle: first notice, repeat after the interval, early repeat when an
/// episode grows, one resolved notice, and each notification's own idempotency key.
@Suite struct AlertNoticesTests {
    static let day = Day(year: 2026, month: 3, day: 10)
    static let notified = day.start.addingTimeInterval(6 * 3600)
    let evaluator = AlertEvaluator(spike: SpikePolicy(), trust: TrustPolicy())
    let policy = RepeatPolicy()

    static func alert(negatives: Int?, kind: AlertKind = .negativeSpike, on day: Day = day.advanced(by: 1)) -> Alert {
        Alert(brand: "Acme", kind: kind, aspect: kind == .negativeSpike ? "service" : nil, day: day, episodeStart: Self.day,
              title: "Acme: negative spike", details: ["window: …"], negatives: negatives)
    }

    static func episode(notices: Int, negatives: Int? = 4, kind: AlertKind = .negativeSpike) -> AlertEpisode {
        let aspect = kind == .negativeSpike ? "service" : "all"
        return AlertEpisode(fingerprint: "Acme|\(kind.rawValue)|\(aspect)", start: day, lastFired: day, notices: notices,
                            lastNotifiedAt: notices > 0 ? notified : nil, lastNotifiedNegatives: notices > 0 ? negatives : nil)
    }

    func notices(_ alert: Alert, episode: AlertEpisode?, hoursLater hours: Double) -> [Alert] {
        evaluator.notices(firing: [alert], resolved: [], episodes: episode.map { [$0] } ?? [], policy: policy,
                          at: Self.notified.addingTimeInterval(hours * 3600))
    }

    @Test func aNewEpisodeIsNotifiedOnceWithTheEpisodeIDAsItsKey() throws {
        let first = try #require(notices(Self.alert(negatives: 4), episode: nil, hoursLater: 0).only)
        #expect(first.sequence == 1 && first.status == .firing)
        #expect(first.notificationID == "Acme|negative-spike|service|2026-03-10", "as earlier versions keyed it")
        // Recorded but never notified (for example inhibited until now): still the first notice.
        #expect(try #require(notices(Self.alert(negatives: 4), episode: Self.episode(notices: 0), hoursLater: 1).only).sequence == 1)
    }

    @Test(arguments: [0.0, 1, 12, 23.99])
    func aStillFiringEpisodeIsNotRepeatedWithinTheInterval(hours: Double) {
        #expect(notices(Self.alert(negatives: 5), episode: Self.episode(notices: 1), hoursLater: hours).isEmpty)
    }

    @Test(arguments: [24.0, 30, 72])
    func aStillFiringEpisodeIsRepeatedOnceTheIntervalHasPassed(hours: Double) throws {
        let repeated = try #require(notices(Self.alert(negatives: 4), episode: Self.episode(notices: 1), hoursLater: hours).only)
        #expect(repeated.sequence == 2)
        #expect(repeated.notificationID == "Acme|negative-spike|service|2026-03-10|notice-2")
        #expect(repeated.details.first?.hasPrefix("still firing since 2026-03-10; repeated after 24 h") == true)
        // Trust drops have no negative count: they repeat on the interval alone.
        let trust = try #require(notices(Self.alert(negatives: nil, kind: .trustDrop), episode: Self.episode(notices: 3, kind: .trustDrop),
                                         hoursLater: hours).only)
        #expect(trust.sequence == 4)
    }

    /// Grows: at least 1.5 times the negatives last notified and at least 3 more.
    @Test(arguments: [(4, 7, true), (4, 6, false), (2, 5, true), (2, 4, false), (10, 14, false), (10, 15, true), (0, 3, true)])
    func aGrownEpisodeIsRepeatedEarly(before: Int, now: Int, repeats: Bool) throws {
        let result = notices(Self.alert(negatives: now), episode: Self.episode(notices: 2, negatives: before), hoursLater: 2)
        #expect(result.count == (repeats ? 1 : 0))
        if repeats {
            let grown = try #require(result.only)
            #expect(grown.sequence == 3)
            #expect(grown.details.first?.hasPrefix("grown: \(now) negative mentions, up from \(before)") == true)
        }
        #expect(policy.grows(from: before, to: now) == repeats)
    }

    @Test func aResolvedEpisodeThatWasNotifiedGetsOneResolvedNotice() throws {
        var ended = Self.episode(notices: 2)
        ended.lastFired = Self.day.advanced(by: 3)
        ended.resolved = Self.day.advanced(by: 5)
        let result = evaluator.notices(firing: [], resolved: [ended], episodes: [ended], policy: policy, at: Self.notified)
        let resolved = try #require(result.only)
        #expect(resolved.status == .resolved)
        #expect(resolved.notificationID == "Acme|negative-spike|service|2026-03-10|resolved")
        #expect(resolved.fingerprint == ended.fingerprint && resolved.day == Self.day.advanced(by: 5))
        #expect(resolved.title == "Acme: RESOLVED — negative spike in customer service (firing 2026-03-10 to 2026-03-13)")
        #expect(resolved.details.first == "status: resolved on 2026-03-15: the rule has not fired for 2 days (resolves after 2)")
        // An episode that was never notified (silenced, inhibited) ends without a message.
        #expect(evaluator.notices(firing: [], resolved: [Self.episode(notices: 0)], episodes: [Self.episode(notices: 0)],
                                  policy: policy, at: Self.notified).isEmpty)
    }

    @Test func theDefaultsAreTheIssues() {
        #expect(policy.intervalHours == 24 && policy.growFactor == 1.5 && policy.growBy == 3)
        #expect(SpikePolicy().resolveAfterDays == 2, "a resolved message after 2 clean days")
        #expect(VolumeDropPolicy().pValue == 0.001)
    }

    @Test func anAlertStoredByAnEarlierVersionDecodesAsAFirstFiringNotice() throws {
        let json = #"{"brand":"Acme","kind":"negative-spike","aspect":"service","day":"2026-03-10","episodeStart":"2026-03-10","title":"t","details":[],"evidence":[]}"#
        let alert = try JSONDecoder().decode(Alert.self, from: Data(json.utf8))
        #expect(alert.status == .firing && alert.sequence == 1 && alert.negatives == nil && alert.inhibition == nil)
        #expect(alert.notificationID == alert.episodeID)
    }
}
