import KapsoDiagnostics
import Testing

/// tester55 X10: `webhooks check` named `https://[::1]/`, `https://100.64.1.2/` or `https://myapp.local/` as out of Kapso's
/// reach, but not `https://localhost./hook` (localhost as an absolute name), `https://127.1/hook` (127.0.0.1's short form,
/// which curl and browsers resolve) or `https://api.corp.lan/hook`; `https://2130706433/hook` (127.0.0.1 as one number)
/// was "a private-network address", and `https://fd00::1/x` was shown as "(fd00:)". The host is read as a resolver reads it.
@Suite struct X10UnreachableHostFormsTests {
    @Test(arguments: [
        ("https://localhost./hook", "localhost (this machine)"),
        ("https://LOCALHOST/hook", "localhost (this machine)"),
        ("https://127.1/hook", "localhost (this machine: 127.1 is 127.0.0.1)"),
        ("https://2130706433/hook", "localhost (this machine: 2130706433 is 127.0.0.1)"),
        ("https://0x7f.0.0.1:8443/hook", "localhost (this machine: 0x7f.0.0.1 is 127.0.0.1)"),
        ("https://127.0.0.1/hook", "localhost (this machine)"),
        ("https://[::1]/hook", "localhost (this machine)"),
        ("https://[0:0:0:0:0:0:0:1]/hook", "localhost (this machine)"),
        ("https://[::ffff:127.0.0.1]/hook", "localhost (this machine)"),
        ("https://api.corp.lan/hook", "a private-network address (api.corp.lan)"),
        ("https://router.home.arpa/hook", "a private-network address (router.home.arpa)"),
        ("https://myapp.local./hook", "a private-network address (myapp.local)"),
        ("https://10.1/hook", "a private-network address (10.1 is 10.0.0.1)"),
        ("https://192.168.1.10/hook", "a private-network address (192.168.1.10)"),
        ("https://fd00::1/x", "a private-network address (fd00::1)"),
        ("https://[fe80::1%25eth0]/x", "a private-network address (fe80::1%25eth0)"),
        ("https://[::ffff:10.0.0.1]/x", "a private-network address (::ffff:10.0.0.1)"),
        ("https://webhook:3000/x", "a private-network address (webhook)"),
    ])
    func aHostKapsoCannotReachIsNamed(url: String, named: String) {
        #expect(WebhookURL.unreachable(url) == named)
    }

    @Test(arguments: [
        "https://hooks.example.com/kapso", "https://8.8.8.8/x", "https://134744072/x", "https://[2001:db8::1]/x",
        "https://1e100.net/x", "https://api.kapso.ai./x", "https://10.0.0.1.example.com/x", "https://lan.example.com/x",
    ])
    func aPublicHostIsNotNamed(url: String) {
        #expect(WebhookURL.unreachable(url) == nil)
    }
}
