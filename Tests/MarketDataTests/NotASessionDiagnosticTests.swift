import MarketData
import Testing

/// A date with no session says where the data ends or starts, or which sessions are around it,
/// at the option or file that named it (`--date` was reported at `marketnote.yml:1:1`).
@Suite struct NotASessionDiagnosticTests {
    let sessions = ["2018-12-24", "2018-12-26", "2018-12-31"].map { SessionDate($0)! }

    private func diagnostic(_ date: String) -> Diagnostic {
        .notASession(SessionDate(date)!, in: sessions, at: .commandLine("--date \(date)"))
    }

    @Test func aDateAfterTheDataAsksForItsPrices() {
        #expect(diagnostic("2019-01-02").description == """
            --date 2019-01-02: error: 2019-01-02 is not a session in the data (2018-12-24 to 2018-12-31)
                hint: the data ends on 2018-12-31; add the prices of 2019-01-02 to the data files to write its note
            """)
    }

    /// A `since` date or `facts` has no note to write: the caller words what to do.
    @Test func aDateAfterTheDataTakesTheCallersAdvice() {
        let since = Diagnostic.notASession(SessionDate("2019-01-02")!, in: sessions, at: .commandLine("x"),
                                           afterData: "a 'since' date must be a session in the data")
        #expect(since.hint == "the data ends on 2018-12-31; a 'since' date must be a session in the data")
    }

    @Test func aDateBeforeTheDataSaysWhereItStarts() {
        #expect(diagnostic("2018-12-21").hint == "the data starts on 2018-12-24")
    }

    @Test func aHolidayNamesTheSessionsAroundIt() {
        #expect(diagnostic("2018-12-25").hint == "the sessions around it are 2018-12-24 and 2018-12-26")
        #expect(diagnostic("2018-12-25").location.description == "--date 2018-12-25")
    }
}
