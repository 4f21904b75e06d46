import Foundation
import KopsTestSupport
import Testing

/// A proxy set for the whole machine (`http_proxy`, `https_proxy`, `ALL_PROXY`, as corporate networks set them): libcurl
/// asked it for this machine's own kapso-sim, so `kops --demo` printed "API calls stay on this machine" and then the
/// proxy's 407; and a proxy refusing the tunnel to Kapso's API read "connection to api.kapso.ai failed: CONNECT tunnel
/// failed, response 407", naming neither the proxy nor what to do.
@Suite struct ProxyEnvironmentTests {
    let run = KopsRunTests()

    /// A proxy that wants credentials for everything.
    static func proxy() throws -> HostileServer {
        try HostileServer { _ in
            .http(status: 407, headers: ["Proxy-Authenticate: Basic realm=\"corp\"", "Content-Type: text/plain"], body: Array("auth\n".utf8))
        }
    }

    @Test func loopbackIsNeverSentThroughAProxy() async throws {
        let proxy = try Self.proxy()
        defer { proxy.stop() }
        let every = ["http_proxy", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"]
        let (result, _) = try await run.kops(["-c", "numbers"], environment: Dictionary(uniqueKeysWithValues: every.map { ($0, proxy.baseURL) }))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Support Line"), "\(result.stdout)")
        #expect(proxy.requests.isEmpty)
    }

    @Test func theUsersNoProxyListStillCounts() async throws {
        let proxy = try Self.proxy()
        defer { proxy.stop() }
        let (result, _) = try await run.kops(
            ["-c", "numbers"], environment: ["http_proxy": proxy.baseURL, "no_proxy": "internal.example.com,.corp"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(proxy.requests.isEmpty)
    }

    @Test func aProxyAskingForCredentialsIsNamedWithWhatToDo() async throws {
        let proxy = try Self.proxy()
        defer { proxy.stop() }
        let (result, _) = try await run.kops(
            ["-c", "numbers"], environment: ["KAPSO_API_BASE_URL": "https://api.kapso.ai", "https_proxy": proxy.baseURL])
        #expect(
            result.stderr == "-c:1: error: the proxy set in https_proxy asks for credentials (407 Proxy Authentication Required): "
                + "the request never reached api.kapso.ai; put your proxy login "
                + "(user name and password, then '@') in that URL before its host, or, if api.kapso.ai is reachable without it, add api.kapso.ai to NO_PROXY\n")
        #expect(result.status == 69)
        #expect(proxy.requests.first?.method == "CONNECT")
    }

    @Test func refusedProxyCredentialsAreNeverShown() async throws {
        let proxy = try Self.proxy()
        defer { proxy.stop() }
        let url = "http://ops:hunter2-proxy-pass@127.0.0.1:\(proxy.port)"
        let (result, _) = try await run.kops(
            ["-c", "numbers"], environment: ["KAPSO_API_BASE_URL": "https://api.kapso.ai", "HTTPS_PROXY": url])
        #expect(
            result.stderr == "-c:1: error: the proxy set in HTTPS_PROXY refused the user and password its URL gives (407 Proxy "
                + "Authentication Required): the request never reached api.kapso.ai; check them (the value is not shown), "
                + "or, if api.kapso.ai is reachable without it, add api.kapso.ai to NO_PROXY\n")
        #expect(!result.stderr.contains("hunter2"))
        #expect(result.status == 69)
    }

    @Test func aProxyNothingAnswersAtIsNamedNotTheAPI() async throws {
        let proxy = try Self.proxy()
        proxy.stop()
        let (result, _) = try await run.kops(
            ["-c", "numbers"], environment: ["KAPSO_API_BASE_URL": "https://api.kapso.ai", "ALL_PROXY": proxy.baseURL])
        #expect(
            result.stderr == "-c:1: error: nothing accepted the connection to the proxy set in ALL_PROXY: the request never "
                + "reached api.kapso.ai; check that the proxy runs and its value (not shown: it may hold a password), unset "
                + "it, or, if api.kapso.ai is reachable without it, add api.kapso.ai to NO_PROXY\n")
        #expect(result.status == 69)
    }
}
