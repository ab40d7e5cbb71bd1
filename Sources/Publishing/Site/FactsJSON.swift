import Analytics
import MarketData
import Newsletter

// `facts.json`'s members, type by type, in declaration order: the keys synthesized `Codable`
// writes, without its per-value dispatch (`JSONValue`). A nil optional is left out, as
// `encodeIfPresent` leaves it out. `FactsJSONTests` holds every file equal to the `Encodable`
// encoding of the same facts, so a property added to a type and not here fails there.

extension FactsDocument: JSONObject {
    func writeMembers(to w: JSONByteWriter) {
        w.member("date", date)
        w.member("title", title)
        w.member("summary", summary)
        w.member("facts", facts)
        w.member("figures", figures)
        w.member("quotes", quotes)
    }
}

extension NoteFacts: JSONObject {
    func writeMembers(to w: JSONByteWriter) {
        w.member("date", date)
        w.member("historyStart", historyStart)
        w.member("series", series)
        w.member("comparisons", comparisons)
        w.member("macro", macro)
        w.member("breadth", breadth)
        w.member("reopenedAfter", reopenedAfter)
    }
}

extension SeriesFacts: JSONObject {
    func writeMembers(to w: JSONByteWriter) {
        w.member("symbol", symbol)
        w.member("name", name)
        w.member("shortName", shortName)
        w.member("plural", plural)
        w.member("topics", topics)
        w.member("historyStart", historyStart)
        w.member("sessionDate", sessionDate)
        w.member("close", close)
        w.member("returns", returns)
        w.member("dailyMoveRarity", dailyMoveRarity)
        w.member("largestMoveSince", largestMoveSince)
        w.member("intradayRange", intradayRange)
        w.member("intradayLow", intradayLow)
        w.member("intradayHigh", intradayHigh)
        w.member("intradayRecord", intradayRecord)
        w.member("closingRecord", closingRecord)
        w.member("yearHigh", yearHigh)
        w.member("yearLow", yearLow)
        w.member("closeHigh", closeHigh)
        w.member("closeLow", closeLow)
        w.member("returnsSince", returnsSince)
        w.member("drawdown", drawdown)
        w.member("recordClose", recordClose)
        w.member("recordCloseDate", recordCloseDate)
        w.member("drawdownEntry", drawdownEntry)
        w.member("bearMarketSince", bearMarketSince)
        w.member("monthEnd", monthEnd)
        w.member("quarterEnd", quarterEnd)
        w.member("yearEnd", yearEnd)
    }
}

extension PeriodReturn: JSONObject {
    func writeMembers(to w: JSONByteWriter) {
        w.member("period", period)
        w.member("value", value)
        w.member("baseDate", baseDate)
    }
}

extension PeriodEndFacts: JSONObject {
    func writeMembers(to w: JSONByteWriter) {
        w.member("period", period)
        w.member("value", value)
        w.member("since", since)
        w.member("sinceValue", sinceValue)
        w.member("earlierPeriods", earlierPeriods)
        w.member("rarity", rarity)
    }
}

extension ReturnPeriod: JSONValue { func writeJSON(to writer: JSONByteWriter) { writer.string(rawValue) } }

extension Rarity: JSONObject {
    func writeMembers(to w: JSONByteWriter) {
        w.member("earlierOccurrences", earlierOccurrences)
        w.member("yearsOfHistory", yearsOfHistory)
        w.member("score", score)
    }
}

extension RecordFacts: JSONObject {
    func writeMembers(to w: JSONByteWriter) {
        w.member("isRecord", isRecord)
        w.member("level", level)
        w.member("previousRecord", previousRecord)
        w.member("streak", streak)
    }
}

extension StreakFacts: JSONObject {
    func writeMembers(to w: JSONByteWriter) {
        w.member("length", length)
        w.member("start", start)
        w.member("lengthIsMinimum", lengthIsMinimum)
        w.member("lastTime", lastTime)
        w.member("openingRun", openingRun)
        w.member("earlierRunsAtLeast", earlierRunsAtLeast)
        w.member("brokenLength", brokenLength)
        w.member("brokenLengthIsMinimum", brokenLengthIsMinimum)
        w.member("rarity", rarity)
        w.member("outcomes", outcomes)
    }
}

extension RunFacts: JSONObject {
    func writeMembers(to w: JSONByteWriter) {
        w.member("start", start)
        w.member("end", end)
        w.member("length", length)
        w.member("lengthIsMinimum", lengthIsMinimum)
    }
}

extension PriceExtremeFacts: JSONObject {
    func writeMembers(to w: JSONByteWriter) {
        w.member("since", since)
        w.member("sinceClose", sinceClose)
        w.member("sessionsSince", sessionsSince)
        w.member("rarity", rarity)
    }
}

extension DrawdownEntryFacts: JSONObject {
    func writeMembers(to w: JSONByteWriter) {
        w.member("threshold", threshold)
        w.member("previous", previous)
        w.member("rarity", rarity)
    }
}

extension SinceReturn: JSONObject {
    func writeMembers(to w: JSONByteWriter) {
        w.member("label", label)
        w.member("date", date)
        w.member("value", value)
        w.member("baseDate", baseDate)
    }
}

extension ComparisonFacts: JSONObject {
    func writeMembers(to w: JSONByteWriter) {
        w.member("leader", leader)
        w.member("benchmark", benchmark)
        w.member("historyStart", historyStart)
        w.member("sessionDate", sessionDate)
        w.member("leaderStreak", leaderStreak)
        w.member("benchmarkStreak", benchmarkStreak)
        w.member("relativePerformance", relativePerformance)
        w.member("relativeReturns", relativeReturns)
    }
}

/// `["2026-01-15", 0.061]`: an array, so a list of points puts one on each line.
extension ChartPoint: JSONValue {
    static var isContainer: Bool { true }
    func writeJSON(to writer: JSONByteWriter) {
        writer.raw("[")
        writer.date(date)
        writer.raw(", ")
        writer.number(value)
        writer.raw("]")
    }
}

extension SignalOutcomeFacts: JSONObject {
    func writeMembers(to w: JSONByteWriter) {
        w.member("signal", signal)
        w.member("leader", leader)
        w.member("benchmark", benchmark)
        w.member("horizons", horizons)
        w.member("uncounted", uncounted)
    }
}

extension UncountedFirings: JSONObject {
    func writeMembers(to w: JSONByteWriter) {
        w.member("tooRecent", tooRecent)
        w.member("tooClose", tooClose)
        w.member("tooCloseThenTooRecent", tooCloseThenTooRecent)
    }
}

extension HorizonOutcome: JSONObject {
    func writeMembers(to w: JSONByteWriter) {
        w.member("sessions", sessions)
        w.member("count", count)
        w.member("hits", hits)
        w.member("hitRate", hitRate)
        w.member("median", median)
        w.member("episodes", episodes)
    }
}

extension OutcomeEpisode: JSONObject {
    func writeMembers(to w: JSONByteWriter) {
        w.member("date", date)
        w.member("relativeReturn", relativeReturn)
    }
}

extension MacroFacts: JSONObject {
    func writeMembers(to w: JSONByteWriter) {
        w.member("id", id)
        w.member("name", name)
        w.member("shortName", shortName)
        w.member("unit", unit)
        w.member("topics", topics)
        w.member("period", period)
        w.member("firstPeriod", firstPeriod)
        w.member("knownSince", knownSince)
        w.member("value", value)
        w.member("previous", previous)
        w.member("highest", highest)
        w.member("lowest", lowest)
        w.member("isStale", isStale)
    }
}

extension ExtremeFacts: JSONObject {
    func writeMembers(to w: JSONByteWriter) {
        w.member("since", since)
        w.member("beforeThat", beforeThat)
        w.member("skippedWindows", skippedWindows)
        w.member("sinceWithoutExclusions", sinceWithoutExclusions)
        w.member("periodsSince", periodsSince)
        w.member("rarity", rarity)
    }
}

extension ObservationPointFacts: JSONObject {
    func writeMembers(to w: JSONByteWriter) {
        w.member("period", period)
        w.member("value", value)
    }
}

extension BreadthFacts: JSONObject {
    func writeMembers(to w: JSONByteWriter) {
        w.member("id", id)
        w.member("name", name)
        w.member("shortName", shortName)
        w.member("topics", topics)
        w.member("period", period)
        w.member("knownSince", knownSince)
        w.member("groups", groups)
        w.member("focus", focus)
        w.member("leader", leader)
        w.member("focusLeads", focusLeads)
        w.member("newLead", newLead)
        w.member("leadLength", leadLength)
        w.member("leadLengthIsMinimum", leadLengthIsMinimum)
        w.member("previousLead", previousLead)
        w.member("earlierLeads", earlierLeads)
        w.member("rarity", rarity)
        w.member("outcomes", outcomes)
    }
}

extension BreadthGroupValue: JSONObject {
    func writeMembers(to w: JSONByteWriter) {
        w.member("column", column)
        w.member("label", label)
        w.member("plural", plural)
        w.member("value", value)
    }
}

extension Figure: JSONObject {
    func writeMembers(to w: JSONByteWriter) {
        w.member("text", text)
        w.member("source", source)
        w.member("value", value)
    }
}
