internal import FlyingFox
internal import Foundation

/// The FlyingFox handler that turns every HTTP request into an `APIRequest` for the simulator's state.
struct SimulatorHandler: HTTPHandler {
    let state: SimulatorState

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let body = try await request.bodyData
        var headers: [String: String] = [:]
        for (name, value) in request.headers { headers[name.rawValue.lowercased()] = value }
        var query: [String: String] = [:]
        for item in request.query { query[item.name] = item.value }
        let apiRequest = APIRequest(
            method: request.method.rawValue, path: request.path, query: query, headers: headers, body: Array(body))
        let response = await state.respond(to: apiRequest)
        var responseHeaders = HTTPHeaders()
        for (name, value) in response.headers { responseHeaders.addValue(value, for: HTTPHeader(name)) }
        return HTTPResponse(
            statusCode: HTTPStatusCode(response.status, phrase: response.reason), headers: responseHeaders,
            body: Data(response.body))
    }
}
