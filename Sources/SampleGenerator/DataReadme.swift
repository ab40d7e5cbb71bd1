/// The README written next to the generated files, so anyone opening the folder knows the data are synthetic.
enum DataReadme {
    static let fileName = "README.md"

    static let text = """
    # Sample data (synthetic)

    Every file in this folder is **synthetic**. The numbers are produced by a seeded random \
    generator and are **not real prices, real GDP figures or real survey results**. Levels are \
    anchored near well-known moments of market history so charts look familiar, and the data are \
    shaped so that the facts the daily note talks about hold exactly.

    | File | Contents |
    | --- | --- |
    | `SPY.csv` | SPDR S&P 500 ETF, daily, 2000-01-03 to 2026-01-15 |
    | `IWM.csv` | iShares Russell 2000 ETF, daily, from its inception on 2000-05-26 |
    | `MAGS.csv` | Roundhill Magnificent Seven ETF, daily, from 2023-04-11 |
    | `gdp-nowcast.csv` | `date,value`: quarter (`2000Q1` … `2025Q4`), annualised real GDP growth nowcast in % |
    | `guidance.csv` | `date,small,mid,large`: month (`2015-01` … `2026-01`), share (%) of small-, mid- and large-cap companies raising guidance |

    Price files use the Yahoo Finance download layout: `Date,Open,High,Low,Close,Adj Close,Volume`, \
    one row per NYSE session (weekdays minus NYSE holidays and special closures), oldest first, \
    prices with two decimals. `Adj Close` is `Close` times a dividend factor that rises to 1.0 on \
    the last session (about 1.3%/yr for SPY, 1.2% for IWM, 0.3% for MAGS).

    Facts built into the data (checked by the generator after writing):

    - IWM set an intraday record high on each of the 10 sessions of 2026 and beat SPY on each of them.
    - Before that, the latest run of 10 or more sessions of IWM beating SPY ended in June 2008.
    - Year to date on 2026-01-15: IWM about +7.6%, SPY about +1.5%, MAGS about flat.
    - The 2025Q4 GDP nowcast of 5.3% is the strongest since 2014Q2 outside 2020–2021, and before that since 2006Q1.
    - Small caps lead guidance breadth only in 2019-02, 2019-03, 2021-01, 2021-02, 2025-01 and 2026-01; \
    after each earlier start IWM beat SPY by more than 2% over the next 21 and 63 sessions.

    ## Regenerating

    These files are written by `Sources/SampleGenerator` (do not edit them by hand). The generator is \
    deterministic, using its own seeded xoshiro256** random generator: the same command always writes \
    byte-identical files.

    ```sh
    swift run marketnote-sample --output content/data
    ```

    It exits non-zero if any of the facts above does not hold. For scaling benchmarks, \
    `swift run -c release marketnote-sample universe --symbols 500 --output /tmp/universe` writes \
    unconstrained synthetic files `S0001.csv` … in the same layout.

    """
}
