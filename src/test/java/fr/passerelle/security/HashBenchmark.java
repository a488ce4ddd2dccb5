package fr.passerelle.security;

import java.util.Arrays;

/**
 * Time of one Argon2id hash (= one sign-in check) with the default parameters, median of N
 * (docs/benchmarks.md, Accounts). Not a test.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) fr.passerelle.security.HashBenchmark 9
 * </pre>
 */
public final class HashBenchmark {
  private HashBenchmark() {}

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 9;
    PasswordHasher h = new PasswordHasher(PasswordHasher.Params.DEFAULT);
    char[] pw = "le vieux port sous la pluie".toCharArray();
    String hash = h.hash(pw); // warm-up
    long[] ms = new long[runs];
    long[] cpu = new long[runs];
    var bean = java.lang.management.ManagementFactory.getThreadMXBean();
    for (int i = 0; i < runs; i++) {
      long c0 = bean.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      h.verify(pw, hash);
      ms[i] = (System.nanoTime() - t0) / 1_000_000;
      cpu[i] = (bean.getCurrentThreadCpuTime() - c0) / 1_000_000;
    }
    Arrays.sort(ms);
    Arrays.sort(cpu);
    System.out.printf(
        "argon2id %s: verify median %d ms wall, %d ms CPU (min %d, max %d wall; %d runs)%n",
        PasswordHasher.Params.DEFAULT, ms[runs / 2], cpu[runs / 2], ms[0], ms[runs - 1], runs);
  }
}
