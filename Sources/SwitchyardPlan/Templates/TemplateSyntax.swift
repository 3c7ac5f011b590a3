/// An expression inside `{{ … }}` or a statement, as parsed.
indirect enum TemplateExpression: Sendable {
    case literal(JSONValue)
    case variable(String, line: Int)
    case attribute(TemplateExpression, String, line: Int)
    case index(TemplateExpression, TemplateExpression, line: Int)
    case list([TemplateExpression])
    case map([(TemplateExpression, TemplateExpression)])
    case filter(TemplateExpression, name: String, arguments: [TemplateExpression], line: Int)
    /// `value is [not] NAME(arguments)`.
    case test(TemplateExpression, name: String, arguments: [TemplateExpression], negated: Bool, line: Int)
    case not(TemplateExpression)
    case negate(TemplateExpression, line: Int)
    case and(TemplateExpression, TemplateExpression)
    case or(TemplateExpression, TemplateExpression)
    /// A chain such as `a < b <= c`: each comparison holds for the whole to hold.
    case comparison(TemplateExpression, [(String, TemplateExpression)], line: Int)
    case arithmetic(String, TemplateExpression, TemplateExpression, line: Int)
    case concatenate(TemplateExpression, TemplateExpression)
    /// `then if condition else otherwise` (`otherwise` is undefined when absent).
    case conditional(then: TemplateExpression, condition: TemplateExpression, otherwise: TemplateExpression?)
}

/// One piece of a parsed template.
indirect enum TemplateNode: Sendable {
    case text(String)
    case output(TemplateExpression, line: Int)
    /// `if` / `elif` branches in order, then the `else` body.
    case conditional([(TemplateExpression, [TemplateNode])], otherwise: [TemplateNode])
    case loop(TemplateLoop)
    /// `{% set a = … %}` or `{% set a, b = … %}`.
    case assignment(targets: [String], value: TemplateExpression, line: Int)
}

/// `{% for targets in iterable [if filter] %}body{% else %}otherwise{% endfor %}`.
struct TemplateLoop: Sendable {
    var targets: [String]
    var iterable: TemplateExpression
    var filter: TemplateExpression?
    var body: [TemplateNode]
    var otherwise: [TemplateNode]
    var line: Int
}
