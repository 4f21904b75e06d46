import Foundation
import KopsShell
import KopsTestSupport
import Testing

/// `webhooks check` on the demo's bad webhooks: findings with severities and fixes, exit 1 on errors.
@Suite struct WebhookCheckTests {
    @Test func lintsTheSalesNumbersWebhooksAndTheProjectScope() async throws {
        let ran = try await runDemo("webhooks check")
        #expect(ran.out == """
            error: 5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b92 (https://analytics.acme-demo.test/ingest/whatsapp): 61 of 61 deliveries failed in the last 7d (100 %): all of them (HTTP 500, no HTTP response), the last at 2026-11-19T16:50:43Z (1 d 19 h ago)
              fix: 40 of 61 failures: the receiver's handler failed (500) on this event: check its logs at these times; 21 of 61 failures: no HTTP response (connection failed or timed out): Kapso's request got no answer at all (connection refused or never made, TLS handshake failed, or nothing within 10 s), so no handler status was recorded; check that the URL is reachable from the internet (DNS, firewall, the server up: try it from outside your network), that its TLS certificate is valid for that host (not expired, not self-signed), and that the handler answers 200 within Kapso's 10 s (answer first, work afterwards); 'deliveries --webhook 5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b92 --errors --period 7d' lists them
            error: 3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70 (https://crm.acme-demo.test/kapso/events): project-scoped but subscribed to whatsapp.message.received, whatsapp.message.sent: these reach only phone-number webhooks, so they are never delivered
              fix: use 100200300400502; webhooks create --url https://crm.acme-demo.test/kapso/events --events whatsapp.message.received,whatsapp.message.sent; if 100200300400501 should send them too: use 100200300400501; webhooks create --url https://crm.acme-demo.test/kapso/events --events whatsapp.message.received,whatsapp.message.sent; webhooks update 3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70 --remove-events whatsapp.message.received,whatsapp.message.sent; to keep the receiver's secret, add --secret-key with the old one ('webhooks get 3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70 --reveal-secret' shows it) to each create: without it each new webhook gets a new secret_key (kops shows it once)
            warning: 5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b92 (https://analytics.acme-demo.test/ingest/whatsapp): no whatsapp.message.received delivery since 2026-11-19T16:50:43Z (1 d 19 h ago), although 2 received messages arrived on 100200300400502 since then (the first at 2026-11-21T08:05:00Z, the last at 2026-11-21T09:30:00Z (2 h 30 min ago)): Kapso stored them but sent this webhook none, and none failed or waits, so it stopped firing
              fix: its earlier deliveries failed (above), but none was attempted for these, so fixing the receiver alone does not bring them; it is active, so Kapso's automatic pause (which sets active: false, docs.kapso.ai/docs/platform/webhooks/advanced) did not stop it: report the webhook id and the time of its last delivery to Kapso support; 'logs search --source webhook_delivery --period 7d' shows whether Kapso tried to deliver; missed events are never redelivered: 'messages --direction inbound' holds them
            warning: 4e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a81 (https://sales.acme-demo.test/webhooks/kapso): uses legacy v1 payloads: flat message fields and a nested whatsapp_config object
              fix: move the receiver to v2 (Meta-style message with a kapso block, phone_number_id instead of whatsapp_config_id, no whatsapp_config), then webhooks update 4e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a81 --payload-version v2
            warning: 4e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a81 (https://sales.acme-demo.test/webhooks/kapso): no whatsapp.message.received delivery since 2026-11-19T16:50:43Z (1 d 19 h ago), although 2 received messages arrived on 100200300400502 since then (the first at 2026-11-21T08:05:00Z, the last at 2026-11-21T09:30:00Z (2 h 30 min ago)): Kapso stored them but sent this webhook none, and none failed or waits, so it stopped firing
              fix: it is active, so Kapso's automatic pause (which sets active: false, docs.kapso.ai/docs/platform/webhooks/advanced) did not stop it, and no failure points at the receiver: report the webhook id and the time of its last delivery to Kapso support; 'logs search --source webhook_delivery --period 7d' shows whether Kapso tried to deliver; missed events are never redelivered: 'messages --direction inbound' holds them
            checked 3 webhooks: 2 errors, 3 warnings, 0 info
            
            """)
        #expect(ran.err == "")
        #expect(ran.status == 1)
    }

    @Test func lintsTheSupportNumber() async throws {
        let ran = try await runDemo("webhooks check", number: "100200300400501")
        // probe11: the paused receiver's last deliveries failed (so the pause is an error, with times); the working one
        // failed a day ago and its newest delivery since is pending after a 503, stuck (P11-6): no recovery (P44-3); the
        // meta forwarder got no delivery logged while messages arrived: its receiver's log decides (P44-11, info).
        #expect(ran.out == """
            error: 1b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e (https://ops.acme-demo.test/kapso/conversations): paused (active: false): nothing is delivered to it; last changed at 2026-11-20T06:47:00Z (1 d 5 h ago); before that its newest 4 deliveries failed (no HTTP response), the last at 2026-11-20T06:44:20Z (1 d 5 h ago)
              fix: fix the receiver first (no HTTP response (connection failed or timed out): Kapso's request got no answer at all (connection refused or never made, TLS handshake failed, or nothing within 10 s), so no handler status was recorded; check that the URL is reachable from the internet (DNS, firewall, the server up: try it from outside your network), that its TLS certificate is valid for that host (not expired, not self-signed), and that the handler answers 200 within Kapso's 10 s (answer first, work afterwards)), then webhooks update 1b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e --active true; events of the pause are never redelivered (Kapso documents no redelivery): read them with 'messages'
            error: 3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70 (https://crm.acme-demo.test/kapso/events): project-scoped but subscribed to whatsapp.message.received, whatsapp.message.sent: these reach only phone-number webhooks, so they are never delivered
              fix: use 100200300400501; webhooks create --url https://crm.acme-demo.test/kapso/events --events whatsapp.message.received,whatsapp.message.sent; if 100200300400502 should send them too: use 100200300400502; webhooks create --url https://crm.acme-demo.test/kapso/events --events whatsapp.message.received,whatsapp.message.sent; webhooks update 3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70 --remove-events whatsapp.message.received,whatsapp.message.sent; to keep the receiver's secret, add --secret-key with the old one ('webhooks get 3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70 --reveal-secret' shows it) to each create: without it each new webhook gets a new secret_key (kops shows it once)
            warning: 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d (https://hooks.acme-demo.test/kapso/whatsapp): 1 of 8 deliveries failed in the last 7d (13 %), the last at 2026-11-20T09:15:03Z (1 d 2 h ago) (HTTP 500); of the 2 deliveries since, 1 was delivered (the last delivered at 2026-11-20T14:30:06Z (21 h 29 min ago)), but the newest, created at 2026-11-20T14:32:11Z (21 h 27 min ago), is pending after HTTP 503 and stuck: no recovery (a pending delivery whose last answer was an error has failed so far)
              fix: the receiver's server could not take the request (503 Service Unavailable, RFC 9110 section 15.6.4: overloaded or down for maintenance; often a proxy with no healthy application behind it, or a platform that put the app to sleep): check that the application is up and has capacity at these times; 'deliveries --webhook 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d --status pending --period 7d' lists them
            warning: 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d (https://hooks.acme-demo.test/kapso/whatsapp): 1 delivery still pending with no new attempt for 21 h 27 min or more (the oldest created at 2026-11-20T14:32:11Z, 2 attempts): Kapso retries a failed attempt 10 s, 40 s and 90 s after each failure by its docs, or 3 attempts in all (now, +10 s, +40 s) by a summary of its newer Delivery page (the sources disagree: https://docs.kapso.ai/docs/platform/webhooks/overview, https://docs.kapso.ai/docs/platform/webhooks/advanced): either way a retry would have come within minutes, so it is stuck, not in progress
              fix: report it to Kapso support with the id (7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c04); 'deliveries --webhook 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d --status pending --period 7d' lists them
            info: 2c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e6f (https://legacy.acme-demo.test/meta-forward): no delivery logged in the last 7d, although 5 inbound messages arrived on 100200300400501 in that time (the last at 2026-11-20T14:30:05Z (21 h 29 min ago)): as kind meta it gets every message event Meta sends (https://docs.kapso.ai/docs/platform/webhooks/overview), but whether Kapso's delivery log lists meta-kind forwards is not documented
              fix: check the receiver's own log for those messages; if none arrived, 'health' (webhook_subscription must list messages), then report this webhook id to Kapso support; 'messages --direction inbound' holds them
            checked 4 webhooks: 2 errors, 2 warnings, 1 info
            
            """)
        #expect(ran.status == 1)
    }

    /// Every `deliveries` command the check prints lists the failures it speaks of (probe3 F3): it carries the
    /// period the check counted, instead of `deliveries`' default 24 hours.
    @Test(arguments: ["100200300400502", "100200300400501"])
    func everyPrintedDeliveriesCommandFindsTheFailures(_ number: String) async throws {
        let check = try await runDemo("webhooks check", number: number)
        let commands = check.out.split(separator: "\n").compactMap { line -> String? in
            guard let start = line.range(of: "'deliveries "), let end = line.range(of: "' lists them") else { return nil }
            return String(line[line.index(after: start.lowerBound)..<end.lowerBound])
        }
        #expect(!commands.isEmpty)
        let ran = try await runDemo(commands, number: number)
        for (command, result) in zip(commands, ran) {
            let word = command.contains("--status pending") ? "pending" : "failed"
            #expect(result.status == 0 && result.out.contains(word) && !result.out.contains("no deliveries match"), "\(command): \(result.out)")
        }
    }

    @Test func anEmptyListNamesItsPeriodAndHowToLookFurther() async throws {
        let ran = try await runDemo(["deliveries --event whatsapp.config.created", "deliveries --event whatsapp.config.created --period 30d"])
        #expect(ran[0].out == "no deliveries match in the last 24h (--period 7d or --period 30d looks further back)\n")
        #expect(ran[1].out == "no deliveries match in the last 30d\n")
    }

    /// The demo's meta forwarder: nothing to fix, status 0; as no delivery to it is logged while its number received
    /// messages, an info sends the user to its receiver's log (P44-11: Kapso's logging of meta forwards is undocumented).
    @Test func aHealthyWebhookPassesWithStatusZero() async throws {
        let ran = try await runDemo("webhooks check 2c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e6f")
        #expect(ran.out.hasPrefix("info: 2c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e6f (https://legacy.acme-demo.test/meta-forward): no delivery logged"))
        #expect(ran.out.hasSuffix("checked 1 webhook: 0 errors, 0 warnings, 1 info\n"))
        #expect(ran.status == 0)
    }

    @Test func aNumberWithoutAnInboundReceiverIsAnError() async throws {
        let runs = try await runDemo([
            "webhooks update 4e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a81 --active false",
            "webhooks update 5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b92 --remove-events whatsapp.message.received,whatsapp.message.delivered",
            "webhooks check",
        ])
        // The newest received delivery went to the analytics webhook, whose events the second line removed: the fix
        // subscribes it again rather than create a second webhook (F16's evidence from the delivery log).
        #expect(runs[2].out.contains("""
            error: number: no active webhook of 100200300400502 receives whatsapp.message.received: inbound messages reach no receiver
              fix: its whatsapp.message.received events went to https://analytics.acme-demo.test/ingest/whatsapp (webhook 5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b92)
            """), "\(runs[2].out)")
        #expect(runs[2].out.contains(
            "it no longer subscribes to whatsapp.message.received: webhooks update 5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b92 --add-events whatsapp.message.received"),
            "\(runs[2].out)")
        #expect(runs[2].status == 1)
    }

    @Test func jsonListsFindings() async throws {
        let ran = try await runDemo(["output json", "webhooks check 4e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a81"])[1]
        #expect(ran.out == """
            {
              "checked": 1,
              "findings": [
                {
                  "severity": "warning",
                  "webhook_id": "4e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a81",
                  "problem": "uses legacy v1 payloads: flat message fields and a nested whatsapp_config object",
                  "fix": "move the receiver to v2 (Meta-style message with a kapso block, phone_number_id instead of whatsapp_config_id, no whatsapp_config), then webhooks update 4e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a81 --payload-version v2"
                },
                {
                  "severity": "warning",
                  "webhook_id": "4e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a81",
                  "problem": "no whatsapp.message.received delivery since 2026-11-19T16:50:43Z (1 d 19 h ago), although 2 received messages arrived on 100200300400502 since then (the first at 2026-11-21T08:05:00Z, the last at 2026-11-21T09:30:00Z (2 h 30 min ago)): Kapso stored them but sent this webhook none, and none failed or waits, so it stopped firing",
                  "fix": "it is active, so Kapso's automatic pause (which sets active: false, docs.kapso.ai/docs/platform/webhooks/advanced) did not stop it, and no failure points at the receiver: report the webhook id and the time of its last delivery to Kapso support; 'logs search --source webhook_delivery --period 7d' shows whether Kapso tried to deliver; missed events are never redelivered: 'messages --direction inbound' holds them"
                }
              ],
              "deliveries_not_read": [],
              "not_read": []
            }
            
            """)
        #expect(ran.status == 0)
    }
}
