package sextant.chronos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** T5's buckets against the reference's own bucket of every relative position the fixtures use. */
class RelativePositionsTest {
    @Test
    void bucketsMatchTheReferenceForEveryRelativePositionInTheFixtures() {
        int checked = 0;
        for (Path dir : Fixtures.dirs()) {
            JsonNode b = Fixtures.cases(dir).get("encoder_relative_position_buckets");
            for (int i = 0; i < b.get("relative_position").size(); i++) {
                int rel = b.get("relative_position").get(i).asInt();
                assertThat(RelativePositions.bucket(rel, 32, 128)).as("%s: relative position %d", dir.getFileName(), rel)
                        .isEqualTo(b.get("bucket").get(i).asInt());
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(250);
    }
}
