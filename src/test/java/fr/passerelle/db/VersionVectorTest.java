package fr.passerelle.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.db.VersionVector.Order;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VersionVectorTest {
  private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
  private static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");

  @Test
  void roundTripsThroughItsCanonicalText() {
    VersionVector v = VersionVector.empty().with(B, 2).with(A, 5);
    assertThat(v.toString()).isEqualTo(A + ":5," + B + ":2");
    assertThat(VersionVector.parse(v.toString())).isEqualTo(v);
  }

  @Test
  void comparesPointwise() {
    VersionVector a1 = VersionVector.empty().with(A, 1);
    VersionVector a2 = a1.with(A, 2);
    VersionVector a1b1 = a1.with(B, 1);
    assertThat(a1.compare(a2)).isEqualTo(Order.BEFORE);
    assertThat(a2.compare(a1)).isEqualTo(Order.AFTER);
    assertThat(a2.compare(a1b1)).isEqualTo(Order.CONCURRENT);
    assertThat(a1.compare(VersionVector.parse(a1.toString()))).isEqualTo(Order.EQUAL);
  }

  @Test
  void mergeIsThePointwiseMaximum() {
    VersionVector x = VersionVector.empty().with(A, 3).with(B, 1);
    VersionVector y = VersionVector.empty().with(A, 1).with(B, 4);
    VersionVector m = x.merge(y);
    assertThat(m.get(A)).isEqualTo(3);
    assertThat(m.get(B)).isEqualTo(4);
    assertThat(m.dominatesOrEquals(x)).isTrue();
    assertThat(m.dominatesOrEquals(y)).isTrue();
  }

  @Test
  void refusesMalformedText() {
    assertThatThrownBy(() -> VersionVector.parse("nonsense"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
