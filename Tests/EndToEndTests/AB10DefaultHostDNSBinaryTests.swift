import KopsTestSupport
import Testing

/// tester57 AB10's DNS part through the built `kops` (`AB10DefaultHostDNSTests` has the wording for the default host,
/// which a test cannot make fail to resolve on a machine with a network): a host set by flag that does not resolve
/// (`.invalid` never does, RFC 6761 §6.4) is named with its source, also when a proxy is set that `NO_PROXY` bypasses.
@Suite struct AB10DefaultHostDNSBinaryTests {
    @Test(arguments: [[:], ["HTTPS_PROXY": "http://127.0.0.1:9", "NO_PROXY": "nonexistent.invalid"]])
    func anUnresolvableBaseURLIsNamedWithItsSource(proxy: [String: String]) async throws {
        let result = try await offPool {
            try ProcessRunner.run(
                "kops", ["--base-url", "https://nonexistent.invalid", "-c", "numbers"],
                environment: ["KAPSO_API_KEY": "demo_key_0123456789"].merging(proxy) { $1 })
        }
        #expect(result.status == 69, "\(result.stderr)")
        #expect(result.stderr.contains(
            "error: could not resolve host 'nonexistent.invalid' (the base URL, from flag --base-url); check its spelling there, "
                + "or this machine's network and DNS"), "\(result.stderr)")
        #expect(!result.stderr.contains("KAPSO_API_BASE_URL or --base-url"), "\(result.stderr)")
    }
}
