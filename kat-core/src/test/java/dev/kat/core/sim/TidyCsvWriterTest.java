package dev.kat.core.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TidyCsvWriterTest {

  @Test
  void format_integralFractionalAndTiny() {
    assertEquals("12", TidyCsvWriter.format(12.0));
    assertEquals("0.25", TidyCsvWriter.format(0.25));
    assertEquals("0.333333", TidyCsvWriter.format(1.0 / 3));
    assertEquals("0", TidyCsvWriter.format(1e-9));
    assertEquals("-1.5", TidyCsvWriter.format(-1.5));
    assertEquals("NaN", TidyCsvWriter.format(Double.NaN));
  }

  @Test
  void accept_writesHeaderAndOneLinePerCycleAndMetric() {
    StringWriter w = new StringWriter();
    TidyCsvWriter csv = new TidyCsvWriter(w);
    RunResult r = new RunResult(7, List.of("gini", "hhi"), 2, new double[] {0.5, 1000, 0.25, 2950});
    csv.accept("exp", Parameters.none().with("k", 2), 3, r);
    assertEquals("experiment,parameters,run,cycle,metric,value\n"
        + "exp,k=2,3,0,gini,0.5\n"
        + "exp,k=2,3,0,hhi,1000\n"
        + "exp,k=2,3,1,gini,0.25\n"
        + "exp,k=2,3,1,hhi,2950\n", w.toString());
  }
}
