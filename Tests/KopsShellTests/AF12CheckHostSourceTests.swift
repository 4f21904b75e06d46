import KapsoClient
import KopsHTTP
@testable import KopsShell
import KopsTestSupport
import Testing

/// tester59 AF12: `kops check` of a transcript recorded with `--base-url` (its header: `sources: api=flag --base-url`),
/// replayed with no base URL set, said "could not resolve host 'api.kapso.ai' (from flag --base-url)": the replay names
/// the recording's sources on its session, so `state` replays as recorded, and the error read them. An error about the
/// host the replay sends to names where the CHECK's host came from.
@Suite struct AF12CheckHostSourceTests {
    static let transcript = """
        # kops transcript

        - kops: 0.1.0
        - recorded: 2026-12-06T08:36:24Z
        - profile: default
        - api: 127.0.0.1:49584
        - api kind: simulator
        - phone number id: none
        - sources: api=flag --base-url, key=env KAPSO_API_KEY, output=default, profile=default
        - personal data: masked

        ```kops
        kops(default)> numbers
        ID               NUMBER           NAME          COEX  STATUS     QUALITY
        100200300400501  +1 415-555-0100  Support Line  no    CONNECTED  GREEN
        1 item
        ```

        """

    private func check(ownSource: String?) throws -> String {
        let transport = StubTransport([.failure(.dns(host: "api.kapso.ai"))])
        let client = KapsoClient(baseURL: "https://api.kapso.ai", apiKey: Secret("test_key_0123456789"), transport: transport)
        var session = Session(baseURL: client.baseURL)
        if let ownSource { session.sources["api"] = ownSource }
        let context = ShellContext(session: session, client: client, registry: .standard)
        let output = BufferOutput()
        let shell = Shell(context: context, renderer: Renderer(), output: output)
        // The API not reached stops the check: its cause is the line `kops check` prints.
        do {
            let outcome = try TranscriptChecker(expected: Self.transcript, path: "t.md", restore: nil).replay(on: shell, allowWrites: false)
            return output.out + output.err + "\(outcome)"
        } catch {
            return output.out + output.err + "\(error)"
        }
    }

    @Test func theChecksOwnDefaultHostIsNamed() throws {
        let said = try check(ownSource: "default")
        #expect(said.contains("could not resolve host 'api.kapso.ai' (the default API: no base URL is set)"), "\(said)")
        #expect(!said.contains("from flag --base-url"), "\(said)")
    }

    @Test func theChecksOwnSettingIsNamed() throws {
        let said = try check(ownSource: "env KAPSO_API_BASE_URL")
        #expect(said.contains("(from env KAPSO_API_BASE_URL)"), "\(said)")
        #expect(!said.contains("from flag --base-url"), "\(said)")
    }
}
