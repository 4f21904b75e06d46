import Foundation
import KapsoClient
import KapsoSimulator
import KopsHTTP
import KopsTestSupport
import Testing

/// The client against an in-process simulator over real loopback HTTP, one endpoint at a time.
@Suite struct ClientSimulatorTests {
    @Test func listsPhoneNumbersWithPageMeta() async throws {
        let (ids, total, more) = try await withSimulator { fixture in
            let page = try fixture.client().phoneNumbers(perPage: 1)
            return (page.items.map(\.id), page.totalCount, page.hasMore)
        }
        #expect(ids == ["100200300400502"])
        #expect(total == 2)
        #expect(more)
    }

    @Test func getsOnePhoneNumber() async throws {
        let label = try await withSimulator { try $0.client().phoneNumber("100200300400501").label }
        #expect(label == "100200300400501 (+1 415-555-0100, Support Line)")
    }

    /// probe16 P16-3: a 404 for an id the re-listed numbers have is not "not found in this project" (nor a list that
    /// names the same id): it says the id is listed and the call answered 404.
    @Test func aListedNumbersOwn404DoesNotContradictTheList() async throws {
        let message = try await withSimulator { fixture -> String in
            let client = try fixture.client()
            try fixture.setFaults("404:times=1")
            do {
                _ = try client.health("100200300400501")
                return "no error"
            } catch let error as KapsoAPIError {
                return error.message
            }
        }
        #expect(!message.contains("was not found in this project"), "\(message)")
        #expect(message.contains("100200300400501 (+1 415-555-0100, Support Line) is in this project's list of numbers"), "\(message)")
        #expect(message.contains("answered 404"))
    }

    @Test func unknownPhoneNumberListsTheProjectsIds() async throws {
        let message = try await withSimulator { fixture -> String in
            do {
                _ = try fixture.client().health("200300400500601")
                return "no error"
            } catch let error as KapsoAPIError {
                return error.message
            }
        }
        #expect(message == "phone number id 200300400500601 was not found in this project; ids in this project: 100200300400502 (+1 415-555-0101, Sales Line), 100200300400501 (+1 415-555-0100, Support Line)")
    }

    @Test func readsHealthAsABareObject() async throws {
        let (status, checks) = try await withSimulator { fixture in
            let health = try fixture.client().health("100200300400502")
            return (health.status, health.checks.map(\.name))
        }
        #expect(status == "degraded")
        #expect(checks.contains("webhook_verified"))
    }

    @Test func listsWebhooksInBothScopes() async throws {
        let (number, project) = try await withSimulator { fixture in
            let client = try fixture.client()
            let number = try client.webhooks(.phoneNumber("100200300400501")).items
            let project = try client.webhooks(.project).items
            return (number.map(\.id), project.filter(\.isProjectScoped).map(\.id))
        }
        #expect(number.count == 3)
        #expect(project == ["3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70"])
    }

    @Test func filtersWebhooksByKind() async throws {
        let kinds = try await withSimulator { fixture in
            try fixture.client().webhooks(.phoneNumber("100200300400501"), filters: [("kind", "meta")]).items.map(\.kind)
        }
        #expect(kinds == ["meta"])
    }

    @Test func getsOneWebhookWithItsSecretWrapped() async throws {
        let (url, secret) = try await withSimulator { fixture in
            let webhook = try fixture.client().webhook("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d")
            return (webhook.url, webhook.secretKey)
        }
        #expect(url == "https://hooks.acme-demo.test/kapso/whatsapp")
        #expect(secret?.revealed == "whsec_demo_123")
        #expect(secret.map { "\($0)" } == "<redacted>")
    }

    @Test func unknownWebhookListsValidIds() async throws {
        let message = try await withSimulator { fixture -> String in
            do {
                _ = try fixture.client().webhook("nope")
                return "no error"
            } catch let error as KapsoAPIError {
                return error.message
            }
        }
        #expect(message.hasPrefix("webhook nope was not found; webhook ids: 5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b92, "))
    }

    @Test func rejectedKeyIsUnauthorized() async throws {
        let message = try await withSimulator { fixture -> String in
            do {
                _ = try fixture.client(apiKey: "wrong").phoneNumbers()
                return "no error"
            } catch let error as KapsoAPIError {
                guard case .unauthorized = error else { return "wrong case: \(error)" }
                return error.message
            }
        }
        #expect(message == "the API key was rejected by 127.0.0.1 (401); check KAPSO_API_KEY or the profile's key")
    }

    @Test func readsResponseHeadersExactlyAndTheSimulatorsClock() async throws {
        let (total, date, serverTime) = try await withSimulator { fixture in
            let client = try fixture.client()
            let response = try client.transport.send(client.platformRequest("/whatsapp/phone_numbers"))
            _ = try client.decode(response, for: client.platformRequest("/whatsapp/phone_numbers"))
            return (response.header("X-Total"), response.header("date"), client.serverTime)
        }
        #expect(total == "2")
        #expect(date == "Sat, 21 Nov 2026 12:00:00 GMT")
        #expect(serverTime == KapsoTime.seconds(iso: "2026-11-21T12:00:00Z"))
    }

    /// On a kept-alive connection a prefetched GET is on its way before anything asks for it, and the request
    /// that then asks for it gets its answer without sending it again.
    @Test func aPrefetchedRequestIsSentAtOnceAndAnsweredOnce() async throws {
        let (first, second, sentEarly, counters) = try await withSimulator { fixture in
            let client = try fixture.client()
            let request = client.platformRequest("/whatsapp/phone_numbers")
            let first = try client.perform(request)
            client.prefetch(request)
            var waited = 0
            while fixture.counters().requests < 2 && waited < 500 {
                usleep(10_000)
                waited += 1
            }
            let sentEarly = fixture.counters().requests == 2
            let second = try client.perform(request)
            return (first, second, sentEarly, fixture.counters())
        }
        #expect(sentEarly)
        #expect(first == second)
        #expect(counters.requests == 2)
        #expect(counters.connections == 1)
    }

    @Test func twoHundredSequentialRequestsReuseOneConnection() async throws {
        let (opened, counters) = try await withSimulator { fixture in
            let client = try fixture.client()
            for _ in 0..<200 { _ = try client.phoneNumbers() }
            let transport = try #require(client.transport as? CurlTransport)
            return (transport.connectionsOpened, fixture.counters())
        }
        #expect(opened == 1)
        #expect(counters.connections == 1)
        #expect(counters.requests == 200)
    }
}
