import KopsShell
import KopsTestSupport
import Testing

/// tester55 X10's shell halves: a webhook on `https://localhost./hook` passed `webhooks check` unnamed; `use` did not take
/// a number's display name (`Acme Demo Support`, the name customers see) nor say which numbers a word of both names fits;
/// a 403, 405 or 426 to the first call was only "the API rejected the request (403): Forbidden".
@Suite struct X10SmallOnesTests {
    @Test(arguments: ["https://localhost./hook", "https://127.1/hook", "https://api.corp.lan/hook"])
    func checkNamesTheHostOutOfKapsosReach(url: String) async throws {
        let runs = try await runDemo(
            [
                "webhooks create --url '\(url)' --events whatsapp.message.received --secret-key whsec_abcdefghijklmnop1234",
                "webhooks check",
            ], number: "100200300400501", width: 1000)
        #expect(runs[0].status == 0, "\(runs[0].out)\(runs[0].err)")
        let url = url.replacing("https://", with: "")
        let line = (runs[1].out + runs[1].err).split(separator: "\n").first { $0.contains(url) } ?? ""
        #expect(line.contains("URL is localhost (this machine") || line.contains("URL is a private-network address"), "\(runs[1].out)")
    }

    @Test func useTakesTheDisplayNameAndNamesEveryNumberAWordFits() async throws {
        let runs = try await runDemo(["use 'Acme Demo Support'", "use line"], number: nil)
        #expect(runs[0].status == 0, "\(runs[0].err)")
        #expect(runs[0].out.hasPrefix("using 100200300400501 (+1 415-555-0100, Support Line)"), "\(runs[0].out)\(runs[0].err)")
        #expect(runs[1].status == 1, "\(runs[1].out)\(runs[1].err)")
        #expect(runs[1].err.contains("2 numbers match 'line': use 1002003004005"), "\(runs[1].err)")
        #expect(runs[1].err.contains("use 100200300400501 (Support Line)"), "\(runs[1].err)")
        #expect(runs[1].err.contains("use 100200300400502 (Sales Line)"), "\(runs[1].err)")
        #expect(!runs[1].err.contains("has that name"), "\(runs[1].err)")
    }

    @Test(arguments: [
        (403, "IP allow-list"), (405, "most likely reaches something other than Kapso's API"),
        (426, "most likely the base URL http://127.0.0.1:"),
    ])
    func aRefusalOfTheFirstCallSaysWhatToCheck(status: Int, step: String) async throws {
        let (first, later) = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            try fixture.setFaults("\(status):path=/phone_numbers")
            _ = shell.run(line: "numbers")
            let first = output.err
            // Once the host answered, the same status is the API's own refusal: said as it was.
            try fixture.setFaults("")
            _ = shell.run(line: "logs --limit 1")
            try fixture.setFaults("\(status):path=/api_logs")
            let mark = output.err.count
            _ = shell.run(line: "logs --limit 1")
            return (first, String(output.err.dropFirst(mark)))
        }
        #expect(first.hasPrefix("error: the API rejected the request (\(status)): "), "\(first)")
        #expect(first.contains(step), "\(first)")
        #expect(later.hasPrefix("error: the API rejected the request (\(status)): "), "\(later)")
        #expect(!later.contains(step), "\(later)")
    }
}
