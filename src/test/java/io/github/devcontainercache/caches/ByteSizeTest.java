package io.github.devcontainercache.caches;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteSizeTest {

    @ParameterizedTest(name = "''{0}'' is {1} bytes")
    @CsvSource(delimiter = '|', textBlock = """
            2GB       | 2000000000
            500MiB    | 524288000
            1.5G      | 1610612736
            '1 kB'    | 1000
            '  3tb '  | 3000000000000
            4096      | 4096
            0         | 0
            10b       | 10
            2K        | 2048
            2KiB      | 2048
            500MB     | 500000000
            1GiB      | 1073741824
            1.5GiB    | 1610612736
            1TiB      | 1099511627776
            1T        | 1099511627776
            3M        | 3145728
            2gb       | 2000000000
            """)
    void parsesSizes(String text, long bytes) {
        assertThat(ByteSize.parse(text)).hasValue(bytes);
    }

    @ParameterizedTest(name = "''{0}'' is not a size")
    @NullAndEmptySource
    @ValueSource(strings = {"lots", "   ", "-1GB", "2XB", "GB", "1.GB", ".5GB", "1,5GB", "2 G B", "2GB extra", "2PB"})
    void rejectsWhatIsNotASize(String text) {
        assertThat(ByteSize.parse(text)).isEmpty();
    }

    @Test
    void fractionsOfAByteAreRoundedToTheNearestByte() {
        assertThat(ByteSize.parse("1.5")).hasValue(2);
        assertThat(ByteSize.parse("0.4b")).hasValue(0);
    }

    @Test
    void largestLongIsAccepted() {
        assertThat(ByteSize.parse("9223372036854775807")).hasValue(Long.MAX_VALUE);
        assertThat(ByteSize.parse("8388607TiB")).hasValue(8388607L << 40);
    }

    @Test
    void sizesBeyondLongAreRejectedNotWrapped() {
        assertThat(ByteSize.parse("9223372036854775808")).isEmpty();
        assertThat(ByteSize.parse("8388608TiB")).isEmpty();
        assertThat(ByteSize.parse("10000000TB")).isEmpty();
        assertThat(ByteSize.parse("99999999999999999999999999GB")).isEmpty();
    }

    @ParameterizedTest(name = "{0} bytes print as ''{1}''")
    @CsvSource(delimiter = '|', textBlock = """
            0                   | 0 B
            512                 | 512 B
            1023                | 1023 B
            1024                | 1.0 KiB
            1536                | 1.5 KiB
            1048575             | 1.0 MiB
            1048576             | 1.0 MiB
            1073741823          | 1.0 GiB
            1572864             | 1.5 MiB
            2147483648          | 2.0 GiB
            2000000000          | 1.9 GiB
            1099511627776       | 1.0 TiB
            1125899906842624    | 1.0 PiB
            9223372036854775807 | 8.0 EiB
            """)
    void formatsInBinaryUnits(long bytes, String text) {
        assertThat(ByteSize.format(bytes)).isEqualTo(text);
    }
}
