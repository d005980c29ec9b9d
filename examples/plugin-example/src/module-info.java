/** An example of KAT plug-ins: a credit rule, a guardrail and a privilege rule written in Java. */
module dev.kat.example.plugin {
  requires dev.kat.rules;

  provides dev.kat.rules.policy.CreditRuleFactory with dev.kat.example.plugin.MentoringBonus;
  provides dev.kat.rules.policy.GuardrailFactory with dev.kat.example.plugin.ShortSessionGuardrail;
  provides dev.kat.rules.policy.PrivilegeRuleFactory with dev.kat.example.plugin.SteadyContributor;
}
