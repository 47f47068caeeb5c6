import EarshotAnalysis
import Testing

/// What the Malay social-media words changed, sentence by sentence: words of Malaysian timelines
/// rather than reviews (gratitude, good wishes, pity, condolences, slang insults), dialect and chat
/// spellings, Indonesian and Sarawak negators, and "doa" (prayer) no longer read as the English
/// "DOA" (dead on arrival). The sentences are written for this test, not taken from a corpus.
@Suite("Malay social-media lexicon")
struct MalayLexiconTests {
    static let cases: [RuleCase] = [
        RuleCase("gratitude", "Alhamdulillah, semua dah selamat sampai", .positive),
        RuleCase("a blessing", "Rezeki hari ni", .positive),
        RuleCase("a good wish", "Semoga cepat sembuh", .positive),
        RuleCase("doa is prayer, not dead on arrival", "Doakan saya", .positive),
        RuleCase("support in its Malaysian sense", "Jom support kedai kecil ni", .positive),
        RuleCase("agreement", "Saya setuju dengan cadangan ni", .positive),
        RuleCase("longing is affectionate", "Rindu kampung", .positive),
        RuleCase("pity", "Kesian budak tu", .negative),
        RuleCase("condolences", "Salam takziah kepada keluarga", .negative),
        RuleCase("slander", "Itu fitnah semata-mata", .negative),
        RuleCase("can't wait is eager, not impatient", "Tak sabar nak tengok filem ni", .positive),
        RuleCase("Indonesian negator", "Filem ni ga bagus", .negative),
        RuleCase("Sarawak negator", "Makanan dia sik sedap", .negative),
        RuleCase("northern slang: lousy", "Servis kedai ni hauk", .negative),
        RuleCase("dialect spellings betui and gilak", "Betui la, sedap gilak", .positive),
        RuleCase("northern slang: stupid", "Bingai betul orang tu", .negative),
        RuleCase("handsome", "Hensem gila abang tu", .positive),
        RuleCase("exasperation", "Adoi, penat", .negative),
        RuleCase("dialect spelling sodap", "Nasi lemak dia sodap", .positive),
        RuleCase("hunger is a state, not a sentiment", "Lapar, nak makan", .neutral),
        RuleCase("capitals give a neutral entry no sign", "SELAMAT PAGI semua", .neutral),
        RuleCase("a stretched chat spelling is still that spelling", "Seremmm cerita ni", .negative),
        RuleCase("a stretched dialect spelling", "Nasi dia sodappp", .positive),
        RuleCase("chat spelling nangis", "Nangis tengok cerita ni", .negative),
        RuleCase("congratulations and spirit", "Geng, tahniah dan semangat", .positive),
        RuleCase("envy", "Kenapa nak dengki dengan orang", .negative),
        RuleCase("luckily", "Mujur sempat", .positive),
        // A negator that negates no sentiment word is a mild complaint of its own; at the end of
        // its clause it is the question tag.
        RuleCase("a bare negation complains", "Sudah bayar tapi order tak masuk sistem", .negative),
        RuleCase("the question tag is no complaint", "Ada warna biru tak?", .neutral),
        RuleCase("bukan contrasts, it does not complain", "Saya pilih pos biasa, bukan ekspres", .neutral),
        RuleCase("never mind", "tak apa", .neutral),
        RuleCase("no need to worry", "tak payah risau", .positive),
        RuleCase("no problem", "tiada masalah", .positive),
        // English lexicon words that are Malay here.
        RuleCase("die is the chat spelling of dia", "Die kata barang dah sampai", .neutral),
        RuleCase("ha is a particle, not a laugh", "Apa ha?", .neutral),
    ]

    @Test("Malay social-media expressions", arguments: cases)
    func expression(_ rule: RuleCase) throws {
        try expectPolarity(rule, language: "ms")
    }

    @Test("tak sabar is one eager expression, not sabar negated")
    func takSabar() throws {
        let scorer = try ScoreFixtures.scorer()
        let patient = scorer.score("sabar", language: "ms").sentiment.compound
        let eager = scorer.score("tak sabar", language: "ms").sentiment.compound
        #expect(patient > 0 && eager > 0, "sabar \(patient), tak sabar \(eager)")
    }
}
