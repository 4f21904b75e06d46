import KapsoClient
import KopsHTTP
@testable import KopsShell
import KopsTestSupport
import Testing

/// tester57 AB10 (related part, open at tester57b's retest): with no base URL set anywhere (and with a proxy `NO_PROXY`
/// bypasses), a DNS failure on Kapso's default host said "check the base URL (KAPSO_API_BASE_URL or --base-url)", a
/// setting the user never made. Kapso's own host not resolving is this machine's network or DNS; the settings are named
/// as the way to another API. A host the user set is named with where it was set.
@Suite struct AB10DefaultHostDNSTests {
    static let dns = KapsoAPIError.transport(.dns(host: "api.kapso.ai"))

    @Test func theDefaultHostNamesTheNetworkNotASetting() throws {
        let error = try #require(UnresolvedHostError.explaining(Self.dns, base: "https://api.kapso.ai", source: "default"))
        #expect(error.message == "could not resolve host 'api.kapso.ai' (the default API: no base URL is set): this machine's network "
            + "or DNS could not look up Kapso's API host; check the connection and DNS (to use another API, set --base-url or "
            + "KAPSO_API_BASE_URL)")
        #expect(error.exitStatus == .unavailable)
    }

    @Test func kapsosHostSetByHandIsStillTheNetwork() throws {
        let error = try #require(UnresolvedHostError.explaining(Self.dns, base: "https://api.kapso.ai/", source: "env KAPSO_API_BASE_URL"))
        #expect(error.message == "could not resolve host 'api.kapso.ai' (from env KAPSO_API_BASE_URL): this machine's network or DNS "
            + "could not look up Kapso's API host; check the connection and DNS")
    }

    @Test func anotherHostIsNamedWithWhereItWasSet() throws {
        let error = try #require(UnresolvedHostError.explaining(
            .transport(.dns(host: "nonexistent.invalid")), base: "https://nonexistent.invalid", source: "profile acme"))
        #expect(error.message == "could not resolve host 'nonexistent.invalid' (the base URL, from profile acme); check its spelling "
            + "there, or this machine's network and DNS")
    }

    @Test func otherFailuresAreLeftAsTheyAre() {
        #expect(UnresolvedHostError.explaining(.transport(.connect(authority: "api.kapso.ai:443")), base: "https://api.kapso.ai", source: "default") == nil)
        #expect(UnresolvedHostError.explaining(Self.dns, base: "https://api.kapso.ai", source: nil) == nil)
        #expect(UnresolvedHostError.explaining(Self.dns, base: "http://127.0.0.1:8080", source: "default") == nil, "another host's look-up")
    }

    /// Through the shell's one funnel: the line said, its status, and `kops check` still reads it as the API not reached.
    @Test func theShellSaysItForACommand() {
        let transport = StubTransport([.failure(.dns(host: "api.kapso.ai"))])
        let client = KapsoClient(baseURL: "https://api.kapso.ai", apiKey: Secret("test_key_0123456789"), transport: transport)
        var session = Session(baseURL: client.baseURL)
        session.sources["api"] = "default"
        let context = ShellContext(session: session, client: client, registry: .standard)
        let output = BufferOutput()
        let shell = Shell(context: context, renderer: Renderer(), output: output)
        #expect(shell.run(line: "numbers") == .unavailable)
        #expect(output.err.hasPrefix("error: could not resolve host 'api.kapso.ai' (the default API: no base URL is set)"), "\(output.err)")
        #expect(!output.err.contains("check the base URL"), "\(output.err)")
        #expect(ErrorReport.isNoAnswer(shell.lastReported))
        #expect(shell.lastReported.flatMap(TranscriptChecker.environmentStatus(of:)) == .unavailable)
    }
}
