import KopsTestSupport
import Testing

/// tester53b U16 (demo simulator): `logs search --problems` with a filter that matched nothing said "no problems from …
/// to …", the whole project's reading, exit 0; and a `phone_number_id` that is no number of this project was not
/// questioned. Now the filter is named as what matched nothing, and a foreign number id is refused as such.
@Suite struct U16LogSearchProblemsFilterTests {
    @Test func aFilterThatMatchesNothingIsNamed() async throws {
        let runs = try await runDemo(
            ["logs search --problems --filter endpoint_contains=/nothing --period 7d", "logs search --problems --period 7d"], number: nil)
        #expect(runs[0].status == 0, "\(runs[0].out)\(runs[0].err)")
        #expect(!runs[0].out.contains("no problems"), "\(runs[0].out)")
        #expect(runs[0].out.contains("no problem matches --filter endpoint_contains=/nothing from "), "\(runs[0].out)")
        #expect(runs[0].out.contains("'logs search --problems --period 7d' without it shows the project's"), "\(runs[0].out)")
        // The project has problems in that window.
        #expect((runs[1].out + runs[1].err).contains("problems in "), "\(runs[1].out)\(runs[1].err)")
    }

    @Test func aNumberIDOfNoNumberOfTheProjectIsSaid() async throws {
        let run = try await runDemo(["logs search --problems --filter phone_number_id=100200300400599 --period 7d"], number: nil)[0]
        #expect(run.status == 1, "\(run.out)\(run.err)")
        #expect(!run.out.contains("no problems"), "\(run.out)")
        #expect(run.err.contains("--filter phone_number_id=100200300400599: no number of this project has this id; numbers: "), "\(run.err)")
    }
}
