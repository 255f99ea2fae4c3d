import Reports
import ResultStore
import Testing

/// The planner's answer comes first: GPUs per policy and GPUs saved against the dedicated run.
struct ReportAnswerTests {
    @Test func answerTableFirstWithGPUsSavedAgainstDedicated() throws {
        let input = ReportFixtures.input
        let tables = ReportTables.tables(for: input)
        let answer = try #require(tables.first)
        #expect(answer.title.hasPrefix("Answer"))
        let saved = Dictionary(uniqueKeysWithValues: answer.rows.map { ($0[1], $0[3]) })
        #expect(saved["dedicated"] == "0" && saved["shared"] == "3" && saved["tidal"] == "4", "\(answer.rows)")
        let html = try HTMLReport.render(input, chartLibrary: "")
        let answerAt = try #require(html.range(of: "Answer: GPUs needed per policy"))
        let chartsAt = try #require(html.range(of: "<div class=\"charts\">"))
        #expect(answerAt.lowerBound < chartsAt.lowerBound)
    }
}
