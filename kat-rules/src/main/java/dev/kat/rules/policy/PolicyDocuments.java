package dev.kat.rules.policy;

import dev.kat.rules.internal.Checks;
import dev.kat.core.policy.Framework;
import dev.kat.core.policy.Policy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Entry points for reading policy and framework documents. For more control (a registry of guardrails and
 * allocation policies, a framework) use {@link PolicyReader}.
 */
public final class PolicyDocuments {
  private PolicyDocuments() {}

  /** A policy reader with the built-in components and no framework bounds. */
  public static PolicyReader reader() {
    return PolicyReader.defaults();
  }

  /** Reads a policy document with the built-in components and no framework bounds. */
  public static ReadResult<PolicyDocument> read(Path policy) {
    return reader().read(policy);
  }

  /** Reads a framework document. */
  public static ReadResult<Framework> readFramework(Path framework) {
    return FrameworkReader.read(framework);
  }

  /**
   * Reads a framework document and then a policy document checked against it, with the built-in components.
   *
   * @throws DocumentException listing every problem in the framework, or else in the policy
   */
  public static Policy load(Path policy, Path framework) {
    Checks.notNull(policy, "policy");
    Framework f = FrameworkReader.read(Checks.notNull(framework, "framework")).orElseThrow();
    return reader().withFramework(f).read(policy).orElseThrow().policy();
  }

  /** The JSON Schema (draft 2020-12) of policy documents, as published in {@code docs/schema}. */
  public static String policySchema() {
    return resource("policy.schema.json");
  }

  /** The JSON Schema (draft 2020-12) of framework documents, as published in {@code docs/schema}. */
  public static String frameworkSchema() {
    return resource("framework.schema.json");
  }

  private static String resource(String name) {
    try (InputStream in = PolicyDocuments.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new AssertionError("resource " + name + " is missing from kat-rules");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a policy document with the built-in components and no framework bounds.
   *
   * @throws DocumentException listing every problem
   */
  public static Policy load(Path policy) {
    return read(policy).orElseThrow().policy();
  }
}
