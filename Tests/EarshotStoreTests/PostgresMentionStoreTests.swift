#if PostgreSQL
import EarshotCore
@testable import EarshotStore
import Foundation
import Testing

/// What only the PostgreSQL store promises: several workers (stores) share one history, each
/// mention and each notification is new for exactly one of them, each outbox entry is claimed
/// by one worker at a time, and the schema is created, checked and migrated on open. (Its
/// behaviour as a ``MentionStore`` is tested with the others' in ``MentionStoreTests``.)
struct PostgresMentionStoreTests {
    @Test func workersShareOneHistoryAndEachMentionIsNewForOneOfThem() async throws {
        let workers = try PostgresTestServer.workers(3)
        let mentions = (0..<60).map { Sample.mention("m\($0)", source: "feed-\($0 % 4)") }

        // Every worker commits every mention at once (as if each fetched the same feed).
        let inserted = try await withThrowingTaskGroup(of: [ScoredMention].self) { group in
            for worker in workers {
                group.addTask {
                    try await worker.commit(source: "feed", mentions: mentions.shuffled(), validators: nil, notModified: false, at: Sample.date())
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }

        #expect(inserted.count == mentions.count, "each mention is new for exactly one worker")
        #expect(Set(inserted.map(\.mention.id)) == Set(mentions.map(\.mention.id)))
        for worker in workers {
            #expect(try await worker.mentions(in: Sample.day...Sample.day).count == mentions.count)
            #expect(try await worker.sourceHealth().first?.fetches == workers.count)
        }
    }

    @Test func twoWorkersRacingOnTheSameAlertsQueueAndClaimEachNotificationOnce() async throws {
        let (one, two) = try { let pair = try PostgresTestServer.workers(2); return (pair[0], pair[1]) }()
        let channels = ["email", "webhook"]
        var queued: [String] = []
        var claimed: [String] = []
        for round in 0..<12 {
            let day = Sample.day.advanced(by: round)
            let alerts = (0..<5).map { Sample.alert(brand: "Brand\($0)", on: day) }
            // Both workers evaluate the same rules on the same history at the same moment.
            async let fromOne = one.recordAlerts(firing: alerts, resolved: [], channels: channels, at: Sample.date(day))
            async let fromTwo = two.recordAlerts(firing: alerts.reversed(), resolved: [], channels: channels, at: Sample.date(day))
            let (newOne, newTwo) = try await (fromOne, fromTwo)
            #expect(Set(newOne.map(\.notificationID)).isDisjoint(with: newTwo.map(\.notificationID)))
            queued += (newOne + newTwo).map(\.notificationID)

            // Then both deliver at the same moment: each entry goes to one of them.
            async let dueOne = one.pendingDeliveries(at: Sample.date(day, seconds: 13 * 3_600))
            async let dueTwo = two.pendingDeliveries(at: Sample.date(day, seconds: 13 * 3_600))
            let (entriesOne, entriesTwo) = try await (dueOne, dueTwo)
            let keysOne = entriesOne.map { "\($0.episodeID) \($0.channel)" }
            let keysTwo = entriesTwo.map { "\($0.episodeID) \($0.channel)" }
            #expect(Set(keysOne).isDisjoint(with: keysTwo), "round \(round): an entry was claimed by both workers")
            claimed += keysOne + keysTwo
            for entry in entriesOne { try await one.markDelivered(entry, at: Sample.date(day, seconds: 14 * 3_600)) }
            for entry in entriesTwo { try await two.markDelivered(entry, at: Sample.date(day, seconds: 14 * 3_600)) }
        }

        #expect(queued.count == 12 * 5 && Set(queued).count == queued.count, "each notification queued once")
        #expect(claimed.count == 12 * 5 * channels.count && Set(claimed).count == claimed.count, "each entry claimed once")
        #expect(try await one.pendingDeliveries(at: Sample.date(Sample.day.advanced(by: 30))).isEmpty)
        #expect(try await two.pendingDeliveries(at: Sample.date(Sample.day.advanced(by: 30))).isEmpty)
    }

    @Test func anEntryClaimedByAWorkerIsLeftToItUntilItsLeaseEndsOrItReportsBack() async throws {
        let (holder, other) = try { let pair = try PostgresTestServer.workers(2); return (pair[0], pair[1]) }()
        _ = try await holder.recordAlerts(firing: [Sample.alert()], resolved: [], channels: ["email"], at: Sample.date())

        let claimed = try await holder.pendingDeliveries(at: Sample.date())
        #expect(claimed.count == 1)
        #expect(try await other.pendingDeliveries(at: Sample.date()).isEmpty, "claimed by the holder")
        #expect(try await holder.pendingDeliveries(at: Sample.date()) == claimed, "the holder gets its own claim again")

        // The holder's delivery failed: the claim is released, and whoever asks after the retry time gets it.
        let retryAt = Sample.date(seconds: 13 * 3_600)
        try await holder.markFailed(try #require(claimed.first), error: "451 try later", retryAt: retryAt)
        #expect(try await other.pendingDeliveries(at: Sample.date()).isEmpty, "not due yet")
        let retried = try await other.pendingDeliveries(at: retryAt)
        #expect(retried.map(\.episodeID) == claimed.map(\.episodeID) && retried.first?.attempts == 1)
        #expect(try await holder.pendingDeliveries(at: retryAt).isEmpty, "now claimed by the other worker")
    }

    @Test func theEntriesOfAWorkerThatDiedAreClaimedAgainWhenItsLeaseEnds() async throws {
        let shared = try PostgresTestServer.configuration().inSchema(PostgresTestServer.freshSchema())
        let dead = PostgresMentionStore(shared, claimLease: 0)
        _ = try await dead.recordAlerts(firing: [Sample.alert()], resolved: [], channels: ["email", "webhook"], at: Sample.date())
        #expect(try await dead.pendingDeliveries(at: Sample.date()).count == 2)
        await dead.close()

        let next = PostgresMentionStore(shared)
        #expect(try await next.pendingDeliveries(at: Sample.date()).map(\.channel) == ["email", "webhook"])
    }

    @Test func openingCreatesTheSchemaOnceAndReopeningKeepsTheHistory() async throws {
        let configuration = try PostgresTestServer.configuration().inSchema(PostgresTestServer.freshSchema())
        let first = try await PostgresMentionStore.open(configuration)
        #expect(try await first.appliedMigrations() == PostgresSchema.migrations.map(\.name))
        _ = try await first.commit(source: "feed", mentions: [Sample.mention("a")], validators: nil, notModified: false, at: Sample.date())
        await first.close()

        let again = try await PostgresMentionStore.open(configuration)
        #expect(try await again.appliedMigrations() == PostgresSchema.migrations.map(\.name))
        #expect(try await again.mentions(in: Sample.day...Sample.day) == [Sample.mention("a")])
        await again.close()
    }

    @Test func aSchemaOfAnotherProgramIsRefused() async throws {
        let configuration = try PostgresTestServer.configuration().inSchema(PostgresTestServer.freshSchema())
        let setup = try await PostgresMentionStore.open(configuration)
        try await setup.execute("CREATE TABLE \(configuration.schema).invoices (id integer)")
        try await setup.execute("DROP TABLE \(configuration.schema).earshot_migration")
        await setup.close()

        let error = await #expect(throws: EarshotError.self) {
            _ = try await PostgresMentionStore.open(configuration)
        }
        #expect(error?.code == .store)
        #expect(error?.description.contains("not an earshot store") == true)
    }

    @Test func aSchemaWrittenByANewerEarshotIsRefused() async throws {
        let configuration = try PostgresTestServer.configuration().inSchema(PostgresTestServer.freshSchema())
        let setup = try await PostgresMentionStore.open(configuration)
        try await setup.execute("INSERT INTO \(configuration.schema).earshot_migration (name, position) VALUES ('v99-from-the-future', 99)")
        await setup.close()

        let error = await #expect(throws: EarshotError.self) {
            _ = try await PostgresMentionStore.open(configuration)
        }
        #expect(error?.description.contains("newer version of earshot") == true)
    }

    @Test func aServerThatDoesNotAnswerFailsTheOpenWithTheURLAndWhatToDo() async throws {
        var configuration = try PostgresTestServer.configuration()
        configuration.port = 1
        configuration.password = "secret-password"
        let error = await #expect(throws: EarshotError.self) {
            _ = try await PostgresMentionStore.open(configuration)
        }
        #expect(error?.code == .store)
        #expect(error?.description.contains("127.0.0.1:1") == true || error?.description.contains("localhost:1") == true)
        #expect(error?.description.contains("could not talk to the PostgreSQL server") == true)
        #expect(error?.description.contains("secret-password") == false, "never the password")
    }

    @Test func aDatabaseThatDoesNotExistIsNamedInTheError() async throws {
        var configuration = try PostgresTestServer.configuration()
        configuration.database = "earshot_no_such_database"
        let error = await #expect(throws: EarshotError.self) {
            _ = try await PostgresMentionStore.open(configuration)
        }
        #expect(error?.description.contains("earshot_no_such_database") == true)
        #expect(error?.description.contains("createdb") == true)
    }
}

/// Reading `store.postgres` URLs.
struct PostgresStoreConfigurationTests {
    @Test func aFullURLIsRead() throws {
        let configuration = try PostgresStoreConfiguration(
            url: "postgresql://earshot:p%40ss@db.example.com:6432/listening?schema=team_a&sslmode=require", environment: [:])
        #expect(configuration.host == "db.example.com" && configuration.port == 6432)
        #expect(configuration.username == "earshot" && configuration.password == "p@ss")
        #expect(configuration.database == "listening" && configuration.schema == "team_a" && configuration.tls == .require)
        #expect(configuration.displayURL == "postgres://earshot@db.example.com:6432/listening?schema=team_a")
    }

    @Test func defaultsAndThePasswordFromTheEnvironment() throws {
        let configuration = try PostgresStoreConfiguration(url: "postgres://earshot@127.0.0.1/earshot", environment: ["PGPASSWORD": "pw"])
        #expect(configuration.port == 5432 && configuration.schema == "public" && configuration.tls == .prefer)
        #expect(configuration.password == "pw")
    }

    @Test(arguments: [
        "mysql://u@h/db", "postgres://h/db", "postgres://u@h", "postgres://u@h/", "postgres://u@h/db?schema=Bad-Name",
        "postgres://u@h/db?sslmode=sometimes", "postgres://u@h/db?colour=blue", "not a url",
    ])
    func aBadURLIsAConfigurationError(url: String) {
        let error = #expect(throws: EarshotError.self) { _ = try PostgresStoreConfiguration(url: url, environment: [:]) }
        #expect(error?.code == .configuration)
        #expect(error?.description.contains("postgres://user[:password]@host") == true)
    }
}
#endif
