@testable import KopsHTTP
import Testing

/// How kops reads the proxy variables libcurl reads (curl.se/libcurl/c/CURLOPT_PROXY.html, CURLOPT_NOPROXY.html).
@Suite struct ProxyEnvironmentReadingTests {
    static func environment(_ values: [String: String]) -> (String) -> String? { { values[$0] } }

    @Test func loopbackIsAddedToTheUsersNoProxyList() {
        #expect(ProxyEnvironment.noProxy(environment: Self.environment([:])) == ProxyEnvironment.loopback)
        #expect(ProxyEnvironment.noProxy(environment: Self.environment(["NO_PROXY": "corp.example"]))
            == "corp.example," + ProxyEnvironment.loopback)
        #expect(ProxyEnvironment.noProxy(environment: Self.environment(["no_proxy": "a", "NO_PROXY": "b"])) == "a," + ProxyEnvironment.loopback)
        #expect(ProxyEnvironment.noProxy(environment: Self.environment(["no_proxy": " * "])) == "*")
    }

    @Test func theVariableNamedIsTheOneCurlReadsForTheScheme() {
        let all = Self.environment(["http_proxy": "h", "HTTPS_PROXY": "s", "ALL_PROXY": "a"])
        #expect(ProxyEnvironment.variable(forScheme: "https", environment: all) == "HTTPS_PROXY")
        #expect(ProxyEnvironment.variable(forScheme: "http", environment: all) == "http_proxy")
        #expect(ProxyEnvironment.variable(forScheme: "https", environment: Self.environment(["http_proxy": "h"])) == nil)
        #expect(ProxyEnvironment.variable(forScheme: "https", environment: Self.environment(["https_proxy": " "])) == nil)
    }

    @Test func noProxyNamesAHostOrADomainItIsIn() {
        let list = Self.environment(["NO_PROXY": "internal.example, .kapso.ai"])
        #expect(ProxyEnvironment.exempts("api.kapso.ai", environment: list))
        #expect(ProxyEnvironment.exempts("KAPSO.AI", environment: list))
        #expect(ProxyEnvironment.exempts("x.internal.example", environment: list))
        #expect(!ProxyEnvironment.exempts("notkapso.ai", environment: list))
        #expect(!ProxyEnvironment.exempts("api.kapso.ai", environment: Self.environment([:])))
    }
}
