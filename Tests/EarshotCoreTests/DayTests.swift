import EarshotCore
import Foundation
import Testing

@Suite struct DayTests {
    @Test(arguments: [("1970-01-01", 0), ("2000-03-01", 11_017), ("2024-02-29", 19_782), ("2026-11-20", 20_777)])
    func parsesAndPrintsCalendarDays(text: String, ordinal: Int) throws {
        let day = try #require(Day(text))
        #expect(day.ordinal == ordinal)
        #expect(day.description == text)
    }

    @Test(arguments: ["2026-02-29", "2026-13-01", "2026-1-1", "20261120", "yesterday", ""])
    func rejectsWhatIsNotADay(text: String) {
        #expect(Day(text) == nil)
    }

    @Test func dayOfADateIsItsUTCDay() {
        // 2026-11-20T23:59:59Z is still the 20th; one second later is the 21st.
        let late = Date(timeIntervalSince1970: 20_777 * 86_400 + 86_399)
        #expect(Day(late).description == "2026-11-20")
        #expect(Day(late.addingTimeInterval(1)).description == "2026-11-21")
    }

    @Test func arithmeticAndRanges() throws {
        let day = try #require(Day("2026-11-20"))
        #expect(day.advanced(by: 11).description == "2026-12-01")
        #expect(day.distance(to: try #require(Day("2026-12-01"))) == 11)
        #expect(Array(day...day.advanced(by: 2)).count == 3)
    }
}
