internal import FlyingFox
internal import FlyingSocks
internal import Foundation
#if canImport(Glibc)
internal import Glibc
#endif

/// Posts webhook deliveries to receivers on loopback (`http://127.0.0.1:PORT/...` or `localhost`).
enum WebhookSender {
    /// The receiver's address when `url` is a plain-HTTP loopback URL, else nil (delivery is simulated).
    static func loopbackTarget(_ url: String) -> Target? {
        guard let components = URLComponents(string: url), components.scheme == "http",
            ["127.0.0.1", "localhost"].contains(components.host ?? ""), let port = components.port,
            let port16 = UInt16(exactly: port)
        else { return nil }
        let path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        return Target(port: port16, path: path, query: components.percentEncodedQuery ?? "")
    }

    /// Where a loopback receiver listens.
    struct Target: Sendable {
        var port: UInt16
        var path: String
        var query: String
    }

    /// Sends one POST; returns the response status, or nil on timeout or connection failure.
    static func post(
        to target: Target, body: [UInt8], headers: [(name: String, value: String)],
        timeout: Duration = .seconds(10)
    ) async -> Int? {
        var httpHeaders = HTTPHeaders()
        for (name, value) in headers { httpHeaders.addValue(value, for: HTTPHeader(name)) }
        httpHeaders[.host] = "127.0.0.1:\(target.port)"
        httpHeaders[.connection] = "close"
        let request = HTTPRequest(
            method: .POST, version: .http11, target: HTTPRequest.Target(path: target.path, query: target.query), headers: httpHeaders,
            body: HTTPBodySequence(data: Data(body)))
        let port = target.port
        return await withTaskGroup(of: Int?.self) { group in
            group.addTask {
                var client = HTTPClient()
                guard let address = try? sockaddr_in.inet(ip4: "127.0.0.1", port: port),
                    let response = try? await client.sendHTTPRequest(request, to: address)
                else { return nil }
                return response.statusCode.code
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }
}
