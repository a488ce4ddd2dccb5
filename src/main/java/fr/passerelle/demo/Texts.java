package fr.passerelle.demo;

import fr.passerelle.db.TextNorm;
import java.util.SplittableRandom;

/** Small text helpers for well-formed fake contact data. */
final class Texts {
  private static final String[] STREETS = {
    "rue de la République",
    "avenue Jean Jaurès",
    "rue Victor Hugo",
    "boulevard Gambetta",
    "chemin des Vignes",
    "rue du Moulin",
    "impasse des Lilas",
    "place de la Mairie",
    "rue des Écoles",
    "avenue de la Gare",
    "rue Pasteur",
    "allée des Platanes",
    "rue du Languedoc",
    "route de Narbonne",
    "rue des Cévennes",
    "avenue de Lattre de Tassigny",
    "rue Émile Zola",
    "chemin de la Garrigue",
    "rue Saint-Jacques",
    "boulevard de Strasbourg"
  };

  private Texts() {}

  /** "Élodie", "N'Diaye" → "elodie", "n-diaye". */
  static String slug(String text) {
    return TextNorm.normalize(text).replace(' ', '-');
  }

  static String address(SplittableRandom rnd) {
    return (1 + rnd.nextInt(120)) + " " + STREETS[rnd.nextInt(STREETS.length)];
  }

  /** A French mobile number: 06 or 07 and four pairs of digits. */
  static String mobile(SplittableRandom rnd) {
    return (rnd.nextInt(10) < 7 ? "06" : "07") + pairs(rnd);
  }

  /** An Occitanie landline (04 east, 05 west). */
  static String landline(String department, SplittableRandom rnd) {
    boolean east =
        switch (department) {
          case "11", "30", "34", "48", "66" -> true;
          default -> false;
        };
    return (east ? "04" : "05") + pairs(rnd);
  }

  private static String pairs(SplittableRandom rnd) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 4; i++) {
      sb.append(' ').append(String.format("%02d", rnd.nextInt(100)));
    }
    return sb.toString();
  }

  /** A 14-digit SIRET whose SIREN (9 digits) and whole number pass the Luhn check. */
  static String siret(SplittableRandom rnd) {
    StringBuilder siren = new StringBuilder();
    siren.append(1 + rnd.nextInt(9));
    for (int i = 0; i < 7; i++) {
      siren.append(rnd.nextInt(10));
    }
    siren.append(luhnDigit(siren.toString()));
    StringBuilder siret = new StringBuilder(siren).append("000");
    siret.append(rnd.nextInt(10));
    siret.append(luhnDigit(siret.toString()));
    return siret.toString();
  }

  /** The digit that makes {@code digits + d} pass the Luhn check. */
  static int luhnDigit(String digits) {
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = digits.charAt(digits.length() - 1 - i) - '0';
      if (i % 2 == 0) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
    }
    return (10 - sum % 10) % 10;
  }

  static boolean luhnValid(String digits) {
    return luhnDigit(digits.substring(0, digits.length() - 1))
        == digits.charAt(digits.length() - 1) - '0';
  }
}
