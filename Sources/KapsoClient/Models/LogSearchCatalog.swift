/// `GET /log_search/catalog`: the sources and filter keys log search takes (kapso-api.md §6; shape of
/// Kapso's `LogSearchCatalogResponse`, docs.kapso.ai/api/platform/v1/log-search/get-log-search-catalog).
public struct LogSearchCatalog: Sendable {
    /// A source: its API name, label and aliases, e.g. `external_api_log`, `API calls`, `["api"]`.
    public struct Source: Sendable, Equatable {
        public var value: String
        public var label: String?
        public var aliases: [String]
    }

    /// A filter key and the sources it applies to (empty: all).
    public struct Filter: Sendable, Equatable {
        public var key: String
        public var description: String?
        public var sources: [String]
    }

    /// False when log search is not enabled for the project.
    public var available: Bool
    public var sources: [Source]
    public var filters: [Filter]

    public init(available: Bool, sources: [Source], filters: [Filter]) {
        self.available = available
        self.sources = sources
        self.filters = filters
    }

    /// Reads `{"data": {"available", "catalog": {"sources": [{value, label, aliases}], "filter_suggestions": [{key, param_key, ...}]}}}`.
    public init(json: JSONValue) throws(KapsoAPIError) {
        guard let data = json["data"]?.object else { throw .badShape("log search catalogue without a 'data' object") }
        available = data["available"]?.bool ?? true
        let catalog = data["catalog"]
        sources = (catalog?["sources"]?.array ?? []).compactMap { row in
            // A bare string is read as a source name too.
            guard let value = row["value"]?.string ?? row.string else { return nil }
            return Source(value: value, label: row["label"]?.string, aliases: row["aliases"]?.array?.compactMap(\.string) ?? [])
        }
        filters = (catalog?["filter_suggestions"]?.array ?? catalog?["filters"]?.array ?? []).compactMap { row in
            // `param_key` is what `filters` takes (Kapso's spec: key "endpoint", param_key "endpoint_contains").
            guard let key = row["param_key"]?.string ?? row["key"]?.string ?? row.string else { return nil }
            return Filter(key: key, description: row["description"]?.string, sources: row["sources"]?.array?.compactMap(\.string) ?? [])
        }
    }

    /// Source names and aliases the API takes.
    public var sourceNames: [String] { sources.flatMap { [$0.value] + $0.aliases } }
    public var filterKeys: [String] { filters.map(\.key) }
}
