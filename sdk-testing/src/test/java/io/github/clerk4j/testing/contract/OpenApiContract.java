package io.github.clerk4j.testing.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.report.ValidationReport.Message;
import com.atlassian.oai.validator.report.ValidationReport.MessageContext;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.clerk4j.testing.contract.ContractReport.Finding;
import io.github.clerk4j.testing.contract.ContractReport.Side;
import io.github.clerk4j.testing.contract.ContractReport.Tolerance;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks FAPI interactions against Clerk's OpenAPI file for API version 2026-05-12, with
 * {@code swagger-request-validator-core}.
 *
 * <p>The file is read from the test classpath ({@code contract/fapi-2026-05-12.yml}, a copy of
 * {@code shared/spec/fapi-2026-05-12.yml} without its one {@code discriminator:} block, which the
 * validator rejects outright). Parsing it takes about two seconds, so one instance serves the whole
 * test JVM: use {@link #fapi()}.
 *
 * <p>The file is stricter than Clerk's real traffic. The deviations that Clerk's own recorded
 * responses show are tolerated, each named by a {@link Tolerance} and listed in the report; every
 * other message of the validator is a violation. Composite schemas ({@code allOf}, {@code oneOf},
 * {@code anyOf}) are judged by what explains their failure: an {@code allOf} whose nested failures
 * are all tolerated is tolerated, a {@code oneOf} is tolerated when some alternative fails only in
 * tolerated ways.
 */
public final class OpenApiContract {

  /** Classpath location of the test-time copy of the OpenAPI file. */
  public static final String SPEC_RESOURCE = "contract/fapi-2026-05-12.yml";

  /**
   * Form parameters that Clerk's own clients send on requests although the file does not declare
   * them (wire spec §1.4: {@code locale} from clerk-js, Android and iOS; clerk-js also sends the
   * {@code timezone}; addendum §12.4: clerk-js {@code SignUpFuture.sendPhoneCode} sends {@code
   * channel} to a sign-up's {@code prepare_verification}, whose schema forbids other properties).
   * Any other undeclared parameter is a violation: it is most likely a typo.
   */
  static final Set<String> CLIENT_SENT_PARAMETERS = Set.of("locale", "timezone", "channel");

  private static final Pattern PATH_PREFIX = Pattern.compile("^\\[Path '[^']*'\\]\\s*");
  private static final Pattern QUOTED_NAMES = Pattern.compile("\\[([^\\]]*)\\]\\s*$");
  private static final Pattern BRANCH = Pattern.compile("^/(?:oneOf|anyOf|allOf)/(\\d+)");
  private static final Pattern FORM_VALUE_GUESSED =
      Pattern.compile("^Instance type \\((integer|number|boolean)\\) does not match any allowed primitive type \\(allowed: \\[[^\\]]*\"string\"");
  private static final Pattern SUPPORTED_IDENTIFIER = Pattern.compile(".*/supported_identifiers/\\d+$");
  private static final Pattern VERIFICATION_STRATEGY = Pattern.compile(".*_verification/strategy$|.*/verifications/[a-z_]+/strategy$|.*/verification/strategy$");

  /** Query parameters Clerk's clients send that operations do not declare ({@link Tolerance#CLIENT_SENT_QUERY_PARAMETER}). */
  static final Set<String> CLIENT_SENT_QUERY =
      Set.of("_is_native", "_clerk_session_id", "__clerk_api_version", "_clerk_js_version", "_method");
  /** The reloads that carry {@code rotating_token_nonce} (addendum §14.2 step 6). */
  private static final Set<String> NONCE_RELOADS =
      Set.of("get /v1/client/sign_ins/{sign_in_id}", "get /v1/client/sign_ups/{sign_up_id}");

  /** Classpath location of the copy of Clerk's Backend API file (see contract/SOURCE.md). */
  public static final String BAPI_SPEC_RESOURCE = "contract/bapi-2026-05-12.yml";

  private static final class Holder {
    static final OpenApiContract FAPI = load(SPEC_RESOURCE);
  }

  private static final class BapiHolder {
    static final OpenApiContract BAPI = load(BAPI_SPEC_RESOURCE);
  }

  private final OpenApiInteractionValidator validator;
  private final JsonNode spec;
  private final ObjectMapper json = new ObjectMapper();

  private OpenApiContract(OpenApiInteractionValidator validator, JsonNode spec) {
    this.validator = validator;
    this.spec = spec;
  }

  /** The contract of Clerk's Frontend API, loaded once per JVM. */
  public static OpenApiContract fapi() {
    return Holder.FAPI;
  }

  /**
   * The contract of Clerk's Backend API (its {@code servers} URL ends in {@code /v1}, so the paths
   * validated are {@code /v1/users} and the like), loaded once per JVM.
   */
  public static OpenApiContract bapi() {
    return BapiHolder.BAPI;
  }

  static OpenApiContract load(String resource) {
    String yaml;
    try (InputStream in = OpenApiContract.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("OpenAPI file not on the test classpath: " + resource);
      }
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    OpenApiInteractionValidator validator =
        OpenApiInteractionValidator.createForInlineApiSpecification(yaml).build();
    try {
      // The same file as a plain tree, to read `nullable` on the schema a message points at: the
      // validator's messages carry schema pointers but not the schema itself.
      JsonNode tree = new ObjectMapper(new YAMLFactory()).readTree(yaml);
      return new OpenApiContract(validator, tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Validates the request (query, form body) and the response against the matching operation.
   * Query parameters the operation does not declare are findings too (the validator lets them
   * pass): a misspelt one is a bug.
   */
  public ContractReport validate(Interaction interaction) {
    ValidationReport report;
    synchronized (validator) {
      report = validator.validate(toRequest(interaction), toResponse(interaction));
    }
    ContractReport classified = classify(interaction, report);
    List<Finding> undeclared = undeclaredQuery(interaction);
    if (undeclared.isEmpty()) {
      return classified;
    }
    List<Finding> violations = new ArrayList<>(classified.violations());
    List<Finding> tolerated = new ArrayList<>(classified.tolerated());
    undeclared.forEach(f -> (f.tolerance() == null ? violations : tolerated).add(f));
    return new ContractReport(classified.label(), violations, tolerated);
  }

  /** The interaction's query parameters that its operation (and path) does not declare. */
  private List<Finding> undeclaredQuery(Interaction interaction) {
    String method = interaction.method().toLowerCase(Locale.ROOT);
    List<Finding> findings = new ArrayList<>();
    var paths = spec.path("paths").fields();
    while (paths.hasNext()) {
      var entry = paths.next();
      String template = entry.getKey();
      JsonNode operation = entry.getValue().path(method);
      if (operation.isMissingNode()
          || !interaction.path().matches(template.replaceAll("\\{[^}]+}", "[^/]+").replace(".", "\\."))) {
        continue;
      }
      Set<String> declared = new java.util.HashSet<>();
      for (JsonNode list : List.of(entry.getValue().path("parameters"), operation.path("parameters"))) {
        list.forEach(p -> {
          JsonNode parameter = resolve(p);
          if ("query".equals(parameter.path("in").asText())) {
            declared.add(parameter.path("name").asText());
          }
        });
      }
      for (String name : interaction.query().keySet()) {
        if (declared.contains(name)) {
          continue;
        }
        boolean tolerated = CLIENT_SENT_QUERY.contains(name)
            || name.equals("rotating_token_nonce") && NONCE_RELOADS.contains(method + " " + template);
        findings.add(new Finding(Side.REQUEST, "parameter.query.undeclared", "",
            "Query parameter '" + name + "' is not declared by " + method.toUpperCase(Locale.ROOT) + " " + template,
            tolerated ? Tolerance.CLIENT_SENT_QUERY_PARAMETER : null));
      }
      break;
    }
    return findings;
  }

  /**
   * Validates only the response, for interactions whose request is not fully known (the recorded
   * fixtures kept the method and path but not the request body).
   */
  public ContractReport validateResponse(Interaction interaction) {
    ValidationReport report;
    synchronized (validator) {
      report = validator.validateResponse(
          interaction.path(), Request.Method.valueOf(interaction.method()), toResponse(interaction));
    }
    return classify(interaction, report);
  }

  private static Request toRequest(Interaction i) {
    SimpleRequest.Builder b = new SimpleRequest.Builder(i.method(), i.path());
    i.query().forEach(b::withQueryParam);
    if (i.requestBody() != null) {
      b.withContentType(i.requestContentType() == null
          ? "application/x-www-form-urlencoded" : i.requestContentType());
      b.withBody(i.requestBody());
    }
    return b.build();
  }

  private static SimpleResponse toResponse(Interaction i) {
    SimpleResponse.Builder b = SimpleResponse.Builder.status(i.status());
    if (i.responseBody() != null && !i.responseBody().isEmpty()) {
      b.withContentType(i.responseContentType() == null ? "application/json" : i.responseContentType());
      b.withBody(i.responseBody());
    }
    return b.build();
  }

  private ContractReport classify(Interaction interaction, ValidationReport report) {
    JsonNode responseBody = parseOrMissing(interaction.responseBody());
    List<Finding> violations = new ArrayList<>();
    List<Finding> tolerated = new ArrayList<>();
    for (Message message : report.getMessages()) {
      if (message.getLevel() == ValidationReport.Level.IGNORE
          || message.getLevel() == ValidationReport.Level.INFO) {
        continue;
      }
      Side side = sideOf(message);
      JsonNode rootSchema = side == Side.RESPONSE
          ? responseSchema(message, interaction.status()) : MissingNode.getInstance();
      Scope scope = new Scope(side, side == Side.RESPONSE ? responseBody : MissingNode.getInstance(), rootSchema);
      for (Finding finding : explain(message, scope)) {
        (finding.tolerance() == null ? violations : tolerated).add(finding);
      }
    }
    return new ContractReport(interaction.label(), violations, tolerated);
  }

  /** What a message is about: its body (for pointers), and the schema its pointers are relative to. */
  private record Scope(Side side, JsonNode body, JsonNode rootSchema) {}

  /**
   * The findings that explain one message: for a leaf message, itself (tolerated or not); for a
   * composite, either one tolerated finding, or the violations of its closest alternative.
   */
  private List<Finding> explain(Message message, Scope scope) {
    String rule = rule(message.getKey());
    String pointer = pointers(message).instance;
    String schemaPointer = pointers(message).schema;
    String text = PATH_PREFIX.matcher(message.getMessage()).replaceFirst("").replace('\n', ' ');

    switch (rule) {
      case "schema.additionalProperties":
        if (scope.side() == Side.RESPONSE) {
          return List.of(finding(scope, rule, pointer, text, Tolerance.EXTRA_RESPONSE_PROPERTY));
        }
        return List.of(finding(scope, rule, pointer, text,
            CLIENT_SENT_PARAMETERS.containsAll(quotedNames(text)) ? Tolerance.CLIENT_SENT_REQUEST_PARAMETER : null));
      case "schema.type":
        if (scope.side() == Side.REQUEST && FORM_VALUE_GUESSED.matcher(text).find()) {
          // Not a finding: a form value is always a string on the wire, but the validator guesses a
          // JSON type from its text (code=424242 becomes the integer 424242) and then finds that
          // integer where the file wants a string. The value as sent is a string, so it conforms.
          return List.of();
        }
        return List.of(finding(scope, rule, pointer, text, null));
      case "schema.enum":
        boolean passwordIdentifier = scope.side() == Side.RESPONSE
            && SUPPORTED_IDENTIFIER.matcher(pointer).matches()
            && "password".equals(at(scope.body(), pointer).asText(null));
        boolean enterpriseSso = scope.side() == Side.RESPONSE
            && VERIFICATION_STRATEGY.matcher(pointer).matches()
            && "enterprise_sso".equals(at(scope.body(), pointer).asText(null))
            && text.contains("possible values: [\"saml\"]");
        return List.of(finding(scope, rule, pointer, text, passwordIdentifier ? Tolerance.PASSWORD_IN_SUPPORTED_IDENTIFIERS
            : enterpriseSso ? Tolerance.ENTERPRISE_SSO_VERIFICATION : null));
      case "schema.allOf":
      case "schema.oneOf":
      case "schema.anyOf":
        return explainComposite(message, scope, rule, pointer, schemaPointer, text);
      default:
        return List.of(finding(scope, rule, pointer, text, null));
    }
  }

  private List<Finding> explainComposite(
      Message message, Scope scope, String rule, String pointer, String schemaPointer, String text) {
    List<Message> nested = message.getNestedMessages();
    if (at(scope.body(), pointer).isNull() && schemaAt(scope.rootSchema(), schemaPointer).path("nullable").asBoolean(false)) {
      return List.of(finding(scope, rule, pointer, text, Tolerance.NULLABLE_REFERENCE));
    }
    if (nested.isEmpty()) {
      // e.g. a oneOf that matched more than one alternative: nothing here can be tolerated.
      return List.of(finding(scope, rule, pointer, text, null));
    }
    if (rule.equals("schema.allOf")) {
      // Every part must hold: the allOf is explained by all nested findings together.
      return nested.stream().flatMap(m -> explain(m, scope).stream()).collect(Collectors.toList());
    }
    if (rule.equals("schema.oneOf") && !text.contains("matched 0 out of")) {
      // The instance matched several alternatives: an ambiguity that no tolerance explains.
      return List.of(finding(scope, rule, pointer, text, null));
    }
    // oneOf / anyOf: group the nested failures by alternative; one alternative that fails only in
    // tolerated ways means the instance is what the file describes, up to Clerk's known deviations.
    Map<Integer, List<Finding>> byBranch = new TreeMap<>();
    for (Message m : nested) {
      String nestedSchema = pointers(m).schema;
      Matcher branch = BRANCH.matcher(nestedSchema.startsWith(schemaPointer)
          ? nestedSchema.substring(schemaPointer.length()) : "");
      int index = branch.find() ? Integer.parseInt(branch.group(1)) : -1;
      byBranch.computeIfAbsent(index, k -> new ArrayList<>()).addAll(explain(m, scope));
    }
    for (Map.Entry<Integer, List<Finding>> branch : byBranch.entrySet()) {
      // Index -1 gathers messages the validator did not tie to an alternative: never an excuse.
      if (branch.getKey() >= 0 && branch.getValue().stream().allMatch(f -> f.tolerance() != null)) {
        return branch.getValue();
      }
    }
    Map.Entry<Integer, List<Finding>> closest = byBranch.entrySet().stream()
        .min(Comparator.comparingLong(e -> e.getValue().stream().filter(f -> f.tolerance() == null).count()))
        .orElseThrow();
    String why = closest.getValue().stream()
        .filter(f -> f.tolerance() == null)
        .map(f -> f.rule() + (f.pointer().equals(pointer) ? "" : " at " + f.pointer()) + ": " + f.message())
        .collect(Collectors.joining("; "));
    return List.of(finding(scope, rule, pointer,
        text + " — closest alternative " + rule.substring("schema.".length()) + "/" + closest.getKey() + " fails: " + why,
        null));
  }

  private static Finding finding(Scope scope, String rule, String pointer, String text, Tolerance tolerance) {
    return new Finding(scope.side(), rule, pointer, text, tolerance);
  }

  private record Pointers(String instance, String schema) {}

  private static Pointers pointers(Message message) {
    return message.getContext()
        .flatMap(MessageContext::getPointers)
        .map(p -> new Pointers(nullToEmpty(p.getInstance()), nullToEmpty(p.getSchema())))
        .orElse(new Pointers("", ""));
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private static Side sideOf(Message message) {
    return message.getContext()
        .flatMap(MessageContext::getLocation)
        .map(l -> l == MessageContext.Location.REQUEST ? Side.REQUEST : Side.RESPONSE)
        .orElse(message.getKey().startsWith("validation.request.") ? Side.REQUEST : Side.RESPONSE);
  }

  /** {@code validation.response.body.schema.type} → {@code schema.type}; other keys lose {@code validation.<side>.}. */
  private static String rule(String key) {
    int schema = key.indexOf("schema.");
    if (schema >= 0) {
      return key.substring(schema);
    }
    return key.replaceFirst("^validation\\.(request|response)\\.", "");
  }

  private static List<String> quotedNames(String text) {
    Matcher m = QUOTED_NAMES.matcher(text);
    if (!m.find()) {
      return List.of("\u0000unparseable");
    }
    return Arrays.stream(m.group(1).split(","))
        .map(s -> s.trim().replace("\"", ""))
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toList());
  }

  private JsonNode parseOrMissing(String body) {
    if (body == null || body.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return json.readTree(body);
    } catch (IOException e) {
      // Not JSON: the validator reports that itself (schema.invalidJson); pointers then find nothing.
      return MissingNode.getInstance();
    }
  }

  private static JsonNode at(JsonNode root, String pointer) {
    if (pointer.isEmpty() || pointer.equals("/")) {
      return root;
    }
    try {
      return root.at(JsonPointer.compile(pointer));
    } catch (IllegalArgumentException e) {
      return MissingNode.getInstance();
    }
  }

  /** The response schema of the operation a message is about, for the given status (or "default"). */
  private JsonNode responseSchema(Message message, int status) {
    return message.getContext()
        .flatMap(MessageContext::getApiOperation)
        .map(op -> {
          JsonNode responses = spec.path("paths").path(op.getApiPath().original())
              .path(op.getMethod().name().toLowerCase(Locale.ROOT)).path("responses");
          JsonNode response = responses.has(String.valueOf(status))
              ? responses.get(String.valueOf(status)) : responses.path("default");
          return resolve(resolve(response).path("content").path("application/json").path("schema"));
        })
        .orElse(MissingNode.getInstance());
  }

  /** Walks a schema pointer such as {@code /properties/client/properties/sign_in}, following $refs. */
  private JsonNode schemaAt(JsonNode root, String schemaPointer) {
    JsonNode node = resolve(root);
    for (String raw : schemaPointer.split("/")) {
      if (raw.isEmpty()) {
        continue;
      }
      String segment = raw.replace("~1", "/").replace("~0", "~");
      node = node.isArray() && segment.chars().allMatch(Character::isDigit)
          ? node.path(Integer.parseInt(segment)) : node.path(segment);
      node = resolve(node);
    }
    return node;
  }

  private JsonNode resolve(JsonNode node) {
    for (int hops = 0; hops < 16 && node.has("$ref"); hops++) {
      String ref = node.get("$ref").asText();
      if (!ref.startsWith("#/")) {
        return MissingNode.getInstance();
      }
      node = spec.at(JsonPointer.compile(ref.substring(1)));
    }
    return node;
  }
}
