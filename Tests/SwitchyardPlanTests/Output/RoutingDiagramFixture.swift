import XCTest
@testable import SwitchyardPlan

/// A config where `env::KEY_A` failing removes some things and not others, for the outage and diagram tests.
///
/// `solo` reads only `KEY_A`; `shared` falls over from `a` (KEY_A) to `b` (KEY_B); `chained`'s provider has
/// `KEY_A` as default and `KEY_B` as fallback. `mixed` keeps a route through `v_shared`; `doomed` has none;
/// `judged`'s best-of-N keeps `v_chained` (its evaluator, on `solo`, failing does not remove it); `bested`'s
/// best-of-N has only `solo` candidates.
enum RoutingDiagramFixture {
    static let toml = """
    [models.solo]
    routing = ["p"]

    [models.solo.providers.p]
    type = "openai"
    model_name = "gpt-4o-mini"
    api_key_location = "env::KEY_A"

    [models.shared]
    routing = ["a", "b"]

    [models.shared.providers.a]
    type = "openai"
    model_name = "gpt-4o-mini"
    api_key_location = "env::KEY_A"

    [models.shared.providers.b]
    type = "openai"
    model_name = "gpt-4o"
    api_key_location = "env::KEY_B"

    [models.chained]
    routing = ["c"]

    [models.chained.providers.c]
    type = "openai"
    model_name = "gpt-4o-mini"
    api_key_location = { default = "env::KEY_A", fallback = "env::KEY_B" }

    [functions.mixed]
    type = "chat"

    [functions.mixed.variants.v_solo]
    type = "chat_completion"
    model = "solo"
    weight = 1

    [functions.mixed.variants.v_shared]
    type = "chat_completion"
    model = "shared"
    weight = 1

    [functions.doomed]
    type = "chat"

    [functions.doomed.variants.only]
    type = "chat_completion"
    model = "solo"

    [functions.judged]
    type = "chat"

    [functions.judged.variants.v_solo]
    type = "chat_completion"
    model = "solo"

    [functions.judged.variants.v_chained]
    type = "chat_completion"
    model = "chained"

    [functions.judged.variants.best]
    type = "experimental_best_of_n_sampling"
    candidates = ["v_solo", "v_chained"]
    weight = 1

    [functions.judged.variants.best.evaluator]
    model = "solo"

    [functions.bested]
    type = "chat"

    [functions.bested.variants.v_solo]
    type = "chat_completion"
    model = "solo"

    [functions.bested.variants.best]
    type = "experimental_best_of_n_sampling"
    candidates = ["v_solo", "v_solo"]
    weight = 1

    [functions.bested.variants.best.evaluator]
    model = "shared"

    """

    static func plan() throws -> RoutingPlan {
        let outcome = compile(toml, env: ["KEY_A": "sk-a", "KEY_B": "sk-b"])
        return try XCTUnwrap(outcome.plan, outcome.listing)
    }
}
