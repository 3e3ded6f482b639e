<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="sv_SE">
<context>
    <name></name>
    <message>
        <source>Paketet kommer från en installation som inte är parad med den här.

Organisation: %1
Namn: %2
Fingeravtryck: %3

Ring avsändaren och be hen läsa upp fingeravtrycket som Löften visar där (Arkiv › Parade installationer). Lita bara på paketet om det stämmer tecken för tecken. Stämmer fingeravtrycket?</source>
        <translation>The package comes from an installation that is not paired with this one.

Organisation: %1
Name: %2
Fingerprint: %3

Call the sender and ask them to read out the fingerprint that Löften shows there (Arkiv › Paired installations). Trust the package only if it matches character for character. Does the fingerprint match?</translation>
    </message>
    <message>
        <source>(inget namn)</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <source>Para med en ny installation?</source>
        <translation>Pair with a new installation?</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <source>Ny överenskommelse</source>
        <translation>New agreement</translation>
    </message>
    <message>
        <source>Installationen parades inte. Inget har importerats.</source>
        <translation>The installation was not paired. Nothing was imported.</translation>
    </message>
    <message>
        <source>Databasen är tom. Börja från en färdig mall med löftena ifyllda, lägg upp er egen överenskommelse (löftena lägger du sedan till under Register), eller börja från ett paket från den andra organisationen om den redan har lagt upp överenskommelsen: då delar ni samma överenskommelse och register.</source>
        <translation>The database is empty. Start from a ready template with the promises filled in, set up your own agreement (you then add the promises under Registers), or start from a package from the other organisation if it has already set up the agreement: then you share the same agreement and registers.</translation>
    </message>
    <message>
        <source>Mallen %1</source>
        <translation>The %1 template</translation>
    </message>
    <message>
        <source>En egen överenskommelse</source>
        <translation>Your own agreement</translation>
    </message>
    <message>
        <source>Kommun:</source>
        <translation>Municipality:</translation>
    </message>
    <message>
        <source>Lokalpolisområde:</source>
        <translation>Local police area:</translation>
    </message>
    <message>
        <source>Rubrik:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <source>Gäller från:</source>
        <translation>Valid from:</translation>
    </message>
    <message>
        <source>Gäller till:</source>
        <translation>Valid until:</translation>
    </message>
    <message>
        <source>Börja från ett paket från den andra organisationen…</source>
        <translation>Start from a package from the other organisation…</translation>
    </message>
    <message>
        <source>Paket</source>
        <translation>Package</translation>
    </message>
    <message>
        <source>En .loften-fil som ni har fått</source>
        <translation>A .loften file you have received</translation>
    </message>
    <message>
        <source>Välj fil…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>Välj paketet från den andra organisationen</source>
        <translation>Choose the package from the other organisation</translation>
    </message>
    <message>
        <source>Löften-paket (*.loften);;Alla filer (*)</source>
        <translation>Löften packages (*.loften);;All files (*)</translation>
    </message>
    <message>
        <source>Medborgarlöften %1 %2–%3</source>
        <translation>Citizen promises %1 %2–%3</translation>
    </message>
    <message>
        <source>Välj paketet (.loften-filen) först.</source>
        <translation>Choose the package (the .loften file) first.</translation>
    </message>
    <message>
        <source>Filen %1 finns inte.</source>
        <translation>The file %1 does not exist.</translation>
    </message>
</context>
<context>
    <name>AgreementForm</name>
    <message>
        <source>Samverkansöverenskommelse</source>
        <translation>Cooperation agreement</translation>
    </message>
    <message>
        <source>t.ex. Filipstads kommun</source>
        <translation>e.g. Filipstad Municipality</translation>
    </message>
    <message>
        <source>Kommun:</source>
        <translation>Municipality:</translation>
    </message>
    <message>
        <source>t.ex. Lokalpolisområde Filipstad</source>
        <translation>e.g. Local police area Filipstad</translation>
    </message>
    <message>
        <source>Lokalpolisområde:</source>
        <translation>Local police area:</translation>
    </message>
    <message>
        <source>t.ex. Medborgarlöften 2017–2018</source>
        <translation>e.g. Citizen promises 2017–2018</translation>
    </message>
    <message>
        <source>Titel:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <source>Periodens början:</source>
        <translation>Start of period:</translation>
    </message>
    <message>
        <source>Periodens slut:</source>
        <translation>End of period:</translation>
    </message>
    <message>
        <source>Gäller tills en ny överenskommelse har undertecknats</source>
        <translation>Valid until a new agreement has been signed</translation>
    </message>
    <message>
        <source>Giltighet:</source>
        <translation>Validity:</translation>
    </message>
    <message>
        <source>Ange datum</source>
        <translation>Set date</translation>
    </message>
    <message>
        <source>Uppföljningen görs efter perioden, oftast under första kvartalet efter.</source>
        <translation>The follow-up is done after the period, usually in the first quarter after it.</translation>
    </message>
    <message>
        <source>Uppföljning senast (valfritt):</source>
        <translation>Follow-up due by (optional):</translation>
    </message>
    <message>
        <source>t.ex. I lokalmedia och på kommunens webbplats</source>
        <translation>e.g. In local media and on the municipality&apos;s website</translation>
    </message>
    <message>
        <source>Var uppföljningen publiceras:</source>
        <translation>Where the follow-up is published:</translation>
    </message>
    <message>
        <source>Vad medborgardialogen visade</source>
        <translation>What the citizen dialogue showed</translation>
    </message>
    <message>
        <source>Bakgrund:</source>
        <translation>Background:</translation>
    </message>
    <message>
        <source>Det här ska vi åstadkomma:</source>
        <translation>What we will achieve:</translation>
    </message>
</context>
<context>
    <name>AgreementPicker</name>
    <message>
        <source>gäller</source>
        <translation>in force</translation>
    </message>
    <message>
        <source>förlängd</source>
        <translation>extended</translation>
    </message>
    <message>
        <source>gäller %1 – %2</source>
        <translation>valid %1 – %2</translation>
    </message>
    <message>
        <source>förlängd giltighet till %1</source>
        <translation>extended validity until %1</translation>
    </message>
    <message>
        <source>Överenskommelse</source>
        <translation>Agreement</translation>
    </message>
</context>
<context>
    <name>CarriedActionsBox</name>
    <message>
        <source>Åtgärder som varken är åtgärdade eller avslagna, från tidigare vandringar i samma område. Dubbelklicka på en rad för att öppna vandringen där åtgärden beslutades, och ändra den där.</source>
        <translation>Actions neither done nor rejected from earlier walks in the same area. Double-click a row to open the walk where the action was decided, and change it there.</translation>
    </message>
    <message>
        <source>Öppna åtgärder från tidigare vandringar</source>
        <translation>Open actions from earlier walks</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Iakttagelse</source>
        <translation>Observation</translation>
    </message>
    <message>
        <source>Åtgärd</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Ansvarig</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>Klart senast</source>
        <translation>Due by</translation>
    </message>
    <message>
        <source>Öppna vandringen</source>
        <translation>Open the walk</translation>
    </message>
    <message>
        <source>Öppna vandringen där den valda åtgärden beslutades</source>
        <translation>Open the walk where the selected action was decided</translation>
    </message>
    <message>
        <source>Öppna åtgärder från tidigare vandringar i området (%1)</source>
        <translation>Open actions from earlier walks in the area (%1)</translation>
    </message>
    <message>
        <source>%1 försenad</source>
        <translation>%1 overdue</translation>
    </message>
</context>
<context>
    <name>DatabaseDialog</name>
    <message>
        <source>Var ska uppgifterna sparas?</source>
        <translation>Where should the data be kept?</translation>
    </message>
    <message>
        <source>Arbetar du ensam eller skickar paket mellan organisationerna räcker en lokal fil på den här datorn. Arbetar flera samtidigt i samma uppgifter, välj den gemensamma server som er IT-avdelning har satt upp.</source>
        <translation>If you work alone or send packages between the organisations, a local file on this computer is enough. If several people work on the same data at once, choose the shared server your IT department has set up.</translation>
    </message>
    <message>
        <source>Lokal fil</source>
        <translation>Local file</translation>
    </message>
    <message>
        <source>Gemensam server</source>
        <translation>Shared server</translation>
    </message>
    <message>
        <source>t.ex. db.kommun.se</source>
        <translation>e.g. db.municipality.se</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Databas:</source>
        <translation>Database:</translation>
    </message>
    <message>
        <source>Användare:</source>
        <translation>User:</translation>
    </message>
    <message>
        <source>Lösenord:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Lösenordet sparas inte: det används bara för den här anslutningen. Lämna det tomt om servern inte kräver något eller om det finns i din ~/.pgpass.</source>
        <translation>The password is not saved: it is used only for this connection. Leave it empty if the server does not require one or if it is in your ~/.pgpass.</translation>
    </message>
    <message>
        <source>Skriv serverns namn eller adress.</source>
        <translation>Enter the server&apos;s name or address.</translation>
    </message>
    <message>
        <source>Skriv databasens namn.</source>
        <translation>Enter the database&apos;s name.</translation>
    </message>
    <message>
        <source>Skriv ditt användarnamn på servern.</source>
        <translation>Enter your user name on the server.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>ÅÅÅÅ-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Skriv datumet (2026-12-01, 1/12 eller 1201). D: i dag, G: i går. Upp/ned: en dag, PgUp/PgDn: en månad. Alt+Ned: kalender.</source>
        <translation>Type the date (2026-12-01, 1/12 or 1201). T or D: today, Y or G: yesterday. Up/down: a day, PgUp/PgDn: a month. Alt+Down: calendar.</translation>
    </message>
    <message>
        <source>Välj i kalendern</source>
        <translation>Choose in the calendar</translation>
    </message>
</context>
<context>
    <name>DrugCaseForm</name>
    <message>
        <source>Narkotikaärende</source>
        <extracomment>SMADIT: the municipality contacts the person within a day of the detection. Whose part of the case a group is: the police part is Polisen&apos;s, the municipal Kommunen&apos;s.</extracomment>
        <translation>Drug case</translation>
    </message>
    <message>
        <source>Ärendet är pseudonymt: skriv aldrig namn, personnummer eller Polisens ärendenummer – ärendekoden ersätter dem.</source>
        <translation>The case is pseudonymous: never write names, personal identity numbers or the police&apos;s case numbers – the case code replaces them.</translation>
    </message>
    <message>
        <source>Polisens del – fylls i av Polisen</source>
        <translation>Police part – filled in by the police</translation>
    </message>
    <message>
        <source>Kommunens del – fylls i av Kommunen</source>
        <translation>Municipal part – filled in by the municipality</translation>
    </message>
    <message>
        <source>Hela tiden för ärendet: utredning, underrättelse, kontakt och uppföljning.</source>
        <translation>All the time spent on the case: investigation, notification, contact and follow-up.</translation>
    </message>
    <message>
        <source>Du får en fråga när du går in i den här delen.</source>
        <translation>You are asked when you enter this part.</translation>
    </message>
    <message>
        <source>Underrättad</source>
        <translation>Notified</translation>
    </message>
    <message>
        <source>Under 18 år: orosanmälan. Annars underrättelse eller erbjudande om kontakt.</source>
        <translation>Under 18: report of concern. Otherwise a notification or an offer of contact.</translation>
    </message>
    <message>
        <source>Inga namn, personnummer eller ärendenummer.</source>
        <translation>No names, personal identity numbers or case numbers.</translation>
    </message>
    <message>
        <source>Kontakt tagen</source>
        <translation>Contacted</translation>
    </message>
    <message>
        <source>Dagar från upptäckt till första kontakt</source>
        <translation>Days from detection to first contact</translation>
    </message>
    <message>
        <source>Avslutat</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Inga namn och inga personnummer.</source>
        <translation>No names and no personal identity numbers.</translation>
    </message>
    <message>
        <source>Dagar från upptäckt
till första kontakt:</source>
        <translation>Days from detection
to first contact:</translation>
    </message>
    <message>
        <source>– (ingen första kontakt ännu)</source>
        <translation>– (no first contact yet)</translation>
    </message>
    <message>
        <source>0 dagar (samma dag)</source>
        <translation>0 days (same day)</translation>
    </message>
    <message>
        <source>1 dag</source>
        <translation>1 day</translation>
    </message>
    <message>
        <source>%1 dagar</source>
        <translation>%1 days</translation>
    </message>
    <message>
        <source>längre än målet inom ett dygn (SMADIT)</source>
        <translation>longer than the target of within 24 hours (SMADIT)</translation>
    </message>
    <message>
        <source>Fylls i av %1</source>
        <translation>Filled in by the %1</translation>
    </message>
    <message>
        <source>Den här delen fylls i av %1. Vill du ändra den ändå?</source>
        <translation>This part is filled in by the %1. Do you want to change it anyway?</translation>
    </message>
    <message>
        <source>Ändra ändå</source>
        <translation>Change anyway</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>tilldelas när ärendet sparas</source>
        <translation>assigned when the case is saved</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Exportera ändringar</source>
        <translation>Export changes</translation>
    </message>
    <message>
        <source>Ändringarna skrivs till en paketfil (.loften) som du lämnar till den andra organisationen, t.ex. på ett USB-minne. Registren följer alltid med.</source>
        <translation>The changes are written to a package file (.loften) that you hand to the other organisation, e.g. on a USB stick. The registers always go with it.</translation>
    </message>
    <message>
        <source>Mottagare</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <source>t.ex. Polisen Filipstad</source>
        <translation>e.g. Polisen Filipstad</translation>
    </message>
    <message>
        <source>Allt som ändrats sedan förra exporten till mottagaren</source>
        <translation>Everything changed since the last export to the recipient</translation>
    </message>
    <message>
        <source>Allt som ändrats från och med:</source>
        <translation>Everything changed from:</translation>
    </message>
    <message>
        <source>Från och med datum</source>
        <translation>From date</translation>
    </message>
    <message>
        <source>Första gången till en mottagare tas allt med.</source>
        <translation>The first time to a recipient, everything is included.</translation>
    </message>
    <message>
        <source>Mottagare:</source>
        <translation>Recipient:</translation>
    </message>
    <message>
        <source>Vad:</source>
        <translation>What:</translation>
    </message>
    <message>
        <source>Välj fil och exportera…</source>
        <translation>Choose file and export…</translation>
    </message>
</context>
<context>
    <name>FieldLabel</name>
    <message>
        <source>Kommun</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Lokalpolisområde</source>
        <translation>Local police area</translation>
    </message>
    <message>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Periodens början</source>
        <translation>Start of the period</translation>
    </message>
    <message>
        <source>Periodens slut</source>
        <translation>End of the period</translation>
    </message>
    <message>
        <source>Gäller tills en ny skrivs under</source>
        <translation>Valid until a new one is signed</translation>
    </message>
    <message>
        <source>Datum för uppföljning</source>
        <translation>Follow-up date</translation>
    </message>
    <message>
        <source>Var uppföljningen publiceras</source>
        <translation>Where the follow-up is published</translation>
    </message>
    <message>
        <source>Bakgrund</source>
        <translation>Background</translation>
    </message>
    <message>
        <source>Det här ska vi åstadkomma</source>
        <translation>What we will achieve</translation>
    </message>
    <message>
        <source>Överenskommelse</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <source>Löftets nummer</source>
        <translation>Promise number</translation>
    </message>
    <message>
        <source>Löftets text</source>
        <translation>Promise text</translation>
    </message>
    <message>
        <source>Kort titel</source>
        <translation>Short title</translation>
    </message>
    <message>
        <source>Ansvarig</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>Typ av löfte</source>
        <translation>Type of promise</translation>
    </message>
    <message>
        <source>Kommentar om ansvar</source>
        <translation>Comment on responsibility</translation>
    </message>
    <message>
        <source>Kommentar till uppföljningen</source>
        <translation>Comment for the follow-up</translation>
    </message>
    <message>
        <source>Intern kommentar</source>
        <translation>Internal comment</translation>
    </message>
    <message>
        <source>Fortsätter löfte</source>
        <translation>Continues promise</translation>
    </message>
    <message>
        <source>Planerade timmar</source>
        <translation>Planned hours</translation>
    </message>
    <message>
        <source>Löfte</source>
        <translation>Promise</translation>
    </message>
    <message>
        <source>Mått</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>Jämförelse</source>
        <translation>Comparison</translation>
    </message>
    <message>
        <source>Värde</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Antal dagar</source>
        <translation>Number of days</translation>
    </message>
    <message>
        <source>Beskrivning</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Adress</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Plats</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Källa</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Enhet</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Lägre är bättre</source>
        <translation>Lower is better</translation>
    </message>
    <message>
        <source>Indikator</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>Kommentar om källan</source>
        <translation>Comment on the source</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Starttid</source>
        <translation>Start time</translation>
    </message>
    <message>
        <source>Sluttid</source>
        <translation>End time</translation>
    </message>
    <message>
        <source>Platser</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>Färdsätt</source>
        <translation>Means of travel</translation>
    </message>
    <message>
        <source>Antal poliser</source>
        <translation>Number of officers</translation>
    </message>
    <message>
        <source>Butiksbesök</source>
        <translation>Shop visits</translation>
    </message>
    <message>
        <source>Ordningsstörningar i centrum</source>
        <translation>Public order disturbances in the centre</translation>
    </message>
    <message>
        <source>Synligt missbruk i centrum</source>
        <translation>Visible drug use in the centre</translation>
    </message>
    <message>
        <source>Nedlagda timmar</source>
        <translation>Hours spent</translation>
    </message>
    <message>
        <source>Anteckningar</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ljus</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Område</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Rutt</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>Deltagare</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Iakttagelser</source>
        <translation>Observations</translation>
    </message>
    <message>
        <source>Förmöte</source>
        <translation>Preparatory meeting</translation>
    </message>
    <message>
        <source>Protokoll</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>Skäl till inställd vandring</source>
        <translation>Reason the walk was cancelled</translation>
    </message>
    <message>
        <source>Uppgift</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Antal volontärer</source>
        <translation>Number of volunteers</translation>
    </message>
    <message>
        <source>Volontärtimmar</source>
        <translation>Volunteer hours</translation>
    </message>
    <message>
        <source>I samråd med kommunen</source>
        <translation>In consultation with the municipality</translation>
    </message>
    <message>
        <source>I samråd med näringslivet</source>
        <translation>In consultation with local business</translation>
    </message>
    <message>
        <source>Iakttagelser till polisen</source>
        <translation>Observations passed to the police</translation>
    </message>
    <message>
        <source>Datum upptäckt</source>
        <translation>Date detected</translation>
    </message>
    <message>
        <source>Åldersgrupp</source>
        <translation>Age group</translation>
    </message>
    <message>
        <source>Typ av ärende</source>
        <translation>Type of case</translation>
    </message>
    <message>
        <source>Ärendekod</source>
        <translation>Case code</translation>
    </message>
    <message>
        <source>Upptäckt genom</source>
        <translation>Detected through</translation>
    </message>
    <message>
        <source>Rättsligt utfall</source>
        <translation>Legal outcome</translation>
    </message>
    <message>
        <source>Kommunen underrättad</source>
        <translation>Municipality notified</translation>
    </message>
    <message>
        <source>Hur kommunen underrättades</source>
        <translation>How the municipality was notified</translation>
    </message>
    <message>
        <source>Polisens anteckningar</source>
        <translation>Police notes</translation>
    </message>
    <message>
        <source>Första kontakt</source>
        <translation>First contact</translation>
    </message>
    <message>
        <source>Erbjudet stöd</source>
        <translation>Support offered</translation>
    </message>
    <message>
        <source>Accepterat</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>Datum avslutat</source>
        <translation>Date closed</translation>
    </message>
    <message>
        <source>Kommunens anteckningar</source>
        <translation>Municipality notes</translation>
    </message>
    <message>
        <source>Vad som gjordes</source>
        <translation>What was done</translation>
    </message>
    <message>
        <source>Antal</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Typ av träff</source>
        <translation>Kind of meeting</translation>
    </message>
    <message>
        <source>Nådda hushåll</source>
        <translation>Households reached</translation>
    </message>
    <message>
        <source>Nya grannsamverkansgrupper</source>
        <translation>New neighbourhood watch groups</translation>
    </message>
    <message>
        <source>Antal deltagare</source>
        <translation>Number of participants</translation>
    </message>
    <message>
        <source>Tillsammans med Polisen</source>
        <translation>Together with the police</translation>
    </message>
    <message>
        <source>Tillsammans med kommunen</source>
        <translation>Together with the municipality</translation>
    </message>
    <message>
        <source>Tillsammans med fastighetsägare</source>
        <translation>Together with property owners</translation>
    </message>
    <message>
        <source>Tillsammans med förening</source>
        <translation>Together with an association</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Period</source>
        <extracomment>How long the search waits after the last key press before it asks the database.</extracomment>
        <translation>Period</translation>
    </message>
    <message>
        <source>Visa poster från hela perioden, ett år eller ett kvartal</source>
        <translation>Show records from the whole period, a year or a quarter</translation>
    </message>
    <message>
        <source>Från och med datum</source>
        <translation>From date</translation>
    </message>
    <message>
        <source>Till och med datum</source>
        <translation>To date</translation>
    </message>
    <message>
        <source>Plats</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Alla statusar</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Sök</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Sök (Ctrl+F)</source>
        <translation>Search (Ctrl+F)</translation>
    </message>
    <message>
        <source>Visa borttagna</source>
        <translation>Show deleted</translation>
    </message>
    <message>
        <source>Alla platser</source>
        <translation>All places</translation>
    </message>
    <message>
        <source>Hela perioden</source>
        <translation>Whole period</translation>
    </message>
    <message>
        <source>%1 kv %2</source>
        <translation>%1 Q%2</translation>
    </message>
    <message>
        <source>Anpassad…</source>
        <translation>Custom…</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Byt avsnitt: Översikt, Närvaro, Vandringar, Volontärer, …</source>
        <translation>Change section: Overview, Presence, Walks, Volunteers, …</translation>
    </message>
    <message>
        <source>Ny post i den lista som visas</source>
        <translation>New record in the list shown</translation>
    </message>
    <message>
        <source>Ny från föregående: som den senaste posten, daterad i dag</source>
        <translation>New from previous: like the latest record, dated today</translation>
    </message>
    <message>
        <source>Enter / dubbelklick</source>
        <translation>Enter / double click</translation>
    </message>
    <message>
        <source>Öppna den valda posten</source>
        <translation>Open the selected record</translation>
    </message>
    <message>
        <source>Sök i listan (platser, butiker, koder, status, datum)</source>
        <translation>Search the list (places, shops, codes, statuses, dates)</translation>
    </message>
    <message>
        <source>Klick på kolumnrubrik</source>
        <translation>Click on a column header</translation>
    </message>
    <message>
        <source>Sortera listan; ▲ stigande, ▼ fallande</source>
        <translation>Sort the list; ▲ ascending, ▼ descending</translation>
    </message>
    <message>
        <source>Ta bort den valda posten</source>
        <translation>Delete the selected record</translation>
    </message>
    <message>
        <source>Ångra borttagningen</source>
        <translation>Undo the deletion</translation>
    </message>
    <message>
        <source>Nästa / föregående fält i formuläret</source>
        <translation>Next / previous field in the form</translation>
    </message>
    <message>
        <source>Spara formuläret</source>
        <translation>Save the form</translation>
    </message>
    <message>
        <source>Stäng formuläret (du får frågan om osparade ändringar)</source>
        <translation>Close the form (you are asked about unsaved changes)</translation>
    </message>
    <message>
        <source>Den öppna postens historik</source>
        <translation>The open record&apos;s history</translation>
    </message>
    <message>
        <source>D / G i ett datumfält</source>
        <translation>T / Y in a date field</translation>
    </message>
    <message>
        <source>I dag / i går</source>
        <translation>Today / yesterday</translation>
    </message>
    <message>
        <source>Upp / ned i ett datumfält</source>
        <translation>Up / down in a date field</translation>
    </message>
    <message>
        <source>En dag framåt / bakåt</source>
        <translation>One day forward / back</translation>
    </message>
    <message>
        <source>PgUp / PgDn i ett datumfält</source>
        <translation>PgUp / PgDn in a date field</translation>
    </message>
    <message>
        <source>En månad framåt / bakåt</source>
        <translation>One month forward / back</translation>
    </message>
    <message>
        <source>Alt+Ned i ett datumfält</source>
        <translation>Alt+Down in a date field</translation>
    </message>
    <message>
        <source>Visa kalendern</source>
        <translation>Show the calendar</translation>
    </message>
    <message>
        <source>Upp / ned i ett tidsfält</source>
        <translation>Up / down in a time field</translation>
    </message>
    <message>
        <source>En timme (markerat) eller en minut (i minuterna)</source>
        <translation>An hour (all selected) or a minute (in the minutes)</translation>
    </message>
    <message>
        <source>Översiktens period</source>
        <translation>The overview&apos;s period</translation>
    </message>
    <message>
        <source>Skriv ut rapporten (under Rapporter)</source>
        <translation>Print the report (under Reports)</translation>
    </message>
    <message>
        <source>Kom igång</source>
        <translation>Getting started</translation>
    </message>
    <message>
        <source>Avsluta Löften</source>
        <translation>Quit Löften</translation>
    </message>
    <message>
        <source>Kortkommandon</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Tangenter</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>Vad de gör</source>
        <translation>What they do</translation>
    </message>
    <message>
        <source>Välj avsnitt till vänster (eller Ctrl+1 … Ctrl+8): närvaro, vandringar, volontärer, narkotikaärenden, övriga aktiviteter.</source>
        <translation>Choose a section on the left (or Ctrl+1 … Ctrl+8): presence, walks, volunteers, drug cases, other activities.</translation>
    </message>
    <message>
        <source>Ny post: Ctrl+N. Markören står i första fältet. Skriv datum och tider direkt (2026-12-01, 1/12, 2100, 21:00; D = i dag, G = i går) och gå vidare med Tab.</source>
        <translation>New record: Ctrl+N. The cursor is in the first field. Type dates and times directly (2026-12-01, 1/12, 2100, 21:00; T = today, Y = yesterday) and move on with Tab.</translation>
    </message>
    <message>
        <source>Som förra gången: Ctrl+Skift+N fyller i platser, sätt, poliser, tider och butiker från den senaste posten – ändra datumet och spara med Ctrl+S.</source>
        <translation>Like last time: Ctrl+Shift+N fills in places, mode, officers, times and shops from the latest record – change the date and save with Ctrl+S.</translation>
    </message>
    <message>
        <source>Hitta: Ctrl+F söker på allt som syns i listan; klicka på en kolumnrubrik för att sortera.</source>
        <translation>Find: Ctrl+F searches everything the list shows; click a column header to sort.</translation>
    </message>
    <message>
        <source>Rapporter: kvartalsrapporten och uppföljningen görs med ett klick under Rapporter.</source>
        <translation>Reports: the quarterly report and the follow-up take one click under Reports.</translation>
    </message>
    <message>
        <source>Kom igång med Löften</source>
        <translation>Getting started with Löften</translation>
    </message>
    <message>
        <source>Varje aktivitet förs in som en post; översikten och rapporterna räknas fram av sig själva.</source>
        <translation>Every activity is entered as a record; the overview and the reports are worked out by themselves.</translation>
    </message>
    <message>
        <source>Skriv aldrig personnummer eller namn på invånare, misstänkta eller volontärer: Löften vägrar spara dem.</source>
        <translation>Never write personal identity numbers or names of residents, suspects or volunteers: Löften refuses to save them.</translation>
    </message>
    <message>
        <source>Alla kortkommandon finns under Hjälp → Kortkommandon. Den här sidan: Hjälp → Kom igång (F1).</source>
        <translation>Every shortcut is under Help → Keyboard shortcuts. This page: Help → Getting started (F1).</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Historik – %1</source>
        <translation>History – %1</translation>
    </message>
    <message>
        <source>Alla ändringar av posten, äldst först. Historiken kan inte ändras.</source>
        <translation>Every change of the record, oldest first. The history cannot be changed.</translation>
    </message>
    <message>
        <source>Historik</source>
        <translation>History</translation>
    </message>
    <message>
        <source>När / fält</source>
        <translation>When / field</translation>
    </message>
    <message>
        <source>Vem / före</source>
        <translation>Who / before</translation>
    </message>
    <message>
        <source>Organisation / efter</source>
        <translation>Organisation / after</translation>
    </message>
    <message>
        <source>Händelse</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Ingen historik finns för posten.</source>
        <translation>There is no history for the record.</translation>
    </message>
    <message>
        <source>(okänd)</source>
        <translation>(unknown)</translation>
    </message>
    <message>
        <source>Skapad</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Ändrad</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>Borttagen</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>Återställd (borttagning ångrad)</source>
        <translation>Restored (deletion undone)</translation>
    </message>
    <message>
        <source>Återställd</source>
        <translation>Restored</translation>
    </message>
    <message>
        <source>Importerad</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>Gallrad</source>
        <translation>Retention applied</translation>
    </message>
    <message>
        <source>Säkerhetskopia återställd</source>
        <translation>Backup restored</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Importera ändringar</source>
        <translation>Import changes</translation>
    </message>
    <message>
        <source>Paketet %1, skapat %2 av %3.</source>
        <translation>The package %1, made %2 by %3.</translation>
    </message>
    <message>
        <source>(okänd)</source>
        <translation>(unknown)</translation>
    </message>
    <message>
        <source>Det här händer vid importen</source>
        <translation>What the import will do</translation>
    </message>
    <message>
        <source>Nya poster:</source>
        <translation>New records:</translation>
    </message>
    <message>
        <source>Uppdateras (nyare i paketet):</source>
        <translation>Updated (newer in the package):</translation>
    </message>
    <message>
        <source>Oförändrade:</source>
        <translation>Unchanged:</translation>
    </message>
    <message>
        <source>Konflikter (ändrade på båda håll):</source>
        <translation>Conflicts (changed on both sides):</translation>
    </message>
    <message>
        <source>Ärenden som får ny ärendekod:</source>
        <translation>Cases that get a new case code:</translation>
    </message>
    <message>
        <source>Ärendekoden %1 finns redan här: ärendet får koden %2.</source>
        <translation>The case code %1 already exists here: the case gets the code %2.</translation>
    </message>
    <message>
        <source>%1 foton som posterna nämner finns inte i paketet.</source>
        <translation>%1 photos that the records mention are not in the package.</translation>
    </message>
    <message>
        <source>Paketet är redan importerat. Inget ändras.</source>
        <translation>The package has already been imported. Nothing changes.</translation>
    </message>
    <message>
        <source>Paketet innehåller inget nytt.</source>
        <translation>The package contains nothing new.</translation>
    </message>
    <message>
        <source>Ändringar post för post</source>
        <translation>Changes record by record</translation>
    </message>
    <message>
        <source>Här nu</source>
        <translation>Here now</translation>
    </message>
    <message>
        <source>Efter importen</source>
        <translation>After the import</translation>
    </message>
    <message>
        <source>Konflikter</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Post / fält</source>
        <translation>Record / field</translation>
    </message>
    <message>
        <source>Här (behåll)</source>
        <translation>Here (keep)</translation>
    </message>
    <message>
        <source>I paketet (ta in)</source>
        <translation>In the package (take)</translation>
    </message>
    <message>
        <source>Posterna nedan har ändrats både här och i paketet sedan det senaste utbytet. Bocka för det värde som ska gälla, fält för fält, eller på postens rad för hela posten. Utan val behålls värdena här.</source>
        <translation>The records below have been changed both here and in the package since the last exchange. Tick the value that should apply, field by field, or on the record&apos;s row for the whole record. Without a choice the values here are kept.</translation>
    </message>
    <message>
        <source>Behåll alla värden här</source>
        <translation>Keep all values here</translation>
    </message>
    <message>
        <source>Ta in alla värden från paketet</source>
        <translation>Take all values from the package</translation>
    </message>
    <message>
        <source>Importera</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Tas bort: %1</source>
        <translation>Deleted: %1</translation>
    </message>
    <message>
        <source>Tas tillbaka (borttagen här): %1</source>
        <translation>Brought back (deleted here): %1</translation>
    </message>
    <message>
        <source>Ändras: %1</source>
        <translation>Changed: %1</translation>
    </message>
    <message>
        <source>Avsändaren får inte ändra den andra organisationens del av ett narkotikaärende. De här ändringarna avvisas och värdena här behålls:</source>
        <translation>The sender may not change the other organisation&apos;s part of a drug case. These changes are refused and the values here are kept:</translation>
    </message>
    <message>
        <source>• %1: borttagningen av ärendet</source>
        <translation>• %1: the deletion of the case</translation>
    </message>
    <message>
        <source>• %1: %2 (%3 → %4)</source>
        <translation>• %1: %2 (%3 → %4)</translation>
    </message>
    <message>
        <source>Hela posten</source>
        <translation>The whole record</translation>
    </message>
</context>
<context>
    <name>IndicatorChart</name>
    <message>
        <source>Inga värden registrerade</source>
        <translation>No values recorded</translation>
    </message>
</context>
<context>
    <name>IndicatorForm</name>
    <message>
        <source>Indikator</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>t.ex. Andel otrygga i centrum kvällstid</source>
        <translation>e.g. Share feeling unsafe in the centre in the evening</translation>
    </message>
    <message>
        <source>Namn:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>t.ex. Polisens trygghetsmätning eller Brås NTU</source>
        <translation>e.g. the police&apos;s safety survey or Brå&apos;s NTU</translation>
    </message>
    <message>
        <source>Källa:</source>
        <translation>Source:</translation>
    </message>
    <message>
        <source>t.ex. % eller antal</source>
        <translation>e.g. % or number</translation>
    </message>
    <message>
        <source>Enhet:</source>
        <translation>Unit:</translation>
    </message>
    <message>
        <source>Beskrivning:</source>
        <translation>Description:</translation>
    </message>
    <message>
        <source>Löfte (valfritt):</source>
        <translation>Promise (optional):</translation>
    </message>
    <message>
        <source>Lägre värden är bättre (t.ex. andel otrygga)</source>
        <translation>Lower values are better (e.g. share feeling unsafe)</translation>
    </message>
    <message>
        <source>Riktning:</source>
        <translation>Direction:</translation>
    </message>
    <message>
        <source>Värden:</source>
        <translation>Values:</translation>
    </message>
</context>
<context>
    <name>IndicatorValues</name>
    <message>
        <source>Rad %1:</source>
        <translation>Row %1:</translation>
    </message>
    <message>
        <source>Värde saknas. Skriv t.ex. 34 eller 12,5.</source>
        <translation>Value missing. Enter e.g. 34 or 12,5.</translation>
    </message>
    <message>
        <source>Värdet %1 är inte ett tal. Skriv t.ex. 34 eller 12,5.</source>
        <translation>The value %1 is not a number. Enter e.g. 34 or 12,5.</translation>
    </message>
    <message>
        <source>Perioden %1 finns redan på rad %2. Ändra perioden eller ta bort en av raderna.</source>
        <translation>The period %1 is already on row %2. Change the period or remove one of the rows.</translation>
    </message>
</context>
<context>
    <name>IndicatorValuesTable</name>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Värde</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Källa och kommentar</source>
        <translation>Source and comment</translation>
    </message>
    <message>
        <source>Indikatorns värden</source>
        <translation>The indicator&apos;s values</translation>
    </message>
    <message>
        <source>Markera alla värden</source>
        <translation>Select all values</translation>
    </message>
    <message>
        <source>Period som 2018, 2018-Q3 (kvartal) eller 2018-03 (månad).</source>
        <translation>Period as 2018, 2018-Q3 (quarter) or 2018-03 (month).</translation>
    </message>
    <message>
        <source>Lägg till värde</source>
        <translation>Add value</translation>
    </message>
    <message>
        <source>Ta bort markerat värde</source>
        <translation>Remove selected value</translation>
    </message>
    <message>
        <source>Period, rad %1</source>
        <translation>Period, row %1</translation>
    </message>
    <message>
        <source>Värde, rad %1</source>
        <translation>Value, row %1</translation>
    </message>
    <message>
        <source>Källa och kommentar, rad %1</source>
        <translation>Source and comment, row %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Avsnitt</source>
        <extracomment>A first start on a screen lower than this opens maximised (a laptop of 1366×768). Qt.ItemDataRole.UserRole Qt.AlignmentFlag.AlignCenter Qt.ScrollBarPolicy.ScrollBarAlwaysOff</extracomment>
        <translation>Sections</translation>
    </message>
    <message>
        <source>Öppnar databasen…</source>
        <extracomment>Where the real pages come from once the database is open (see `attach`). The sections whose real page is in the stack.</extracomment>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <source>Översikt</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Närvaro och butiksbesök</source>
        <translation>Presence and shop visits</translation>
    </message>
    <message>
        <source>Trygghetsvandringar</source>
        <translation>Safety walks</translation>
    </message>
    <message>
        <source>Polisvolontärer</source>
        <translation>Police volunteers</translation>
    </message>
    <message>
        <source>Narkotikaärenden</source>
        <translation>Drug cases</translation>
    </message>
    <message>
        <source>Övriga aktiviteter</source>
        <translation>Other activities</translation>
    </message>
    <message>
        <source>Grannsamverkan</source>
        <translation>Neighbourhood watch</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Registers</translation>
    </message>
    <message>
        <source>Rapporter</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Allt är sparat</source>
        <translation>Everything is saved</translation>
    </message>
    <message>
        <source>Osparade ändringar</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Inställningarna är sparade. Det nya språket används nästa gång du startar Löften.</source>
        <translation>The settings are saved. The new language is used the next time you start Löften.</translation>
    </message>
    <message>
        <source>Inställningarna är sparade.</source>
        <translation>The settings are saved.</translation>
    </message>
    <message>
        <source>Om Löften</source>
        <translation>About Löften</translation>
    </message>
    <message>
        <source>Löften %1

Registrera och följ upp medborgarlöften: polisiär närvaro, trygghetsvandringar, polisvolontärer och arbetet mot narkotika.

Löften lagrar aldrig personnummer eller namn på invånare, misstänkta eller volontärer.</source>
        <translation>Löften %1

Record and follow up citizen promises: police presence, safety walks, police volunteers and the work against drugs.

Löften never stores personal identity numbers or the names of residents, suspects or volunteers.</translation>
    </message>
    <message>
        <source>&amp;Arkiv</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Säkerhetskopiera nu</source>
        <extracomment>The actions that need the open database (connected by the startup, disabled until the database is open and while it is being replaced).</extracomment>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <source>&amp;Återställ säkerhetskopia…</source>
        <translation>&amp;Restore backup…</translation>
    </message>
    <message>
        <source>&amp;Exportera ändringar…</source>
        <translation>&amp;Export changes…</translation>
    </message>
    <message>
        <source>I&amp;mportera ändringar…</source>
        <translation>&amp;Import changes…</translation>
    </message>
    <message>
        <source>&amp;Parade installationer…</source>
        <translation>&amp;Paired installations…</translation>
    </message>
    <message>
        <source>Importera från E&amp;xcel/CSV…</source>
        <translation>Import from E&amp;xcel/CSV…</translation>
    </message>
    <message>
        <source>Spara import&amp;mall…</source>
        <translation>Save import &amp;template…</translation>
    </message>
    <message>
        <source>&amp;Förnya överenskommelsen…</source>
        <translation>Re&amp;new the agreement…</translation>
    </message>
    <message>
        <source>Exportera ändrings&amp;logg…</source>
        <translation>Export audit &amp;log…</translation>
    </message>
    <message>
        <source>&amp;Gallra nu</source>
        <translation>Apply re&amp;tention now</translation>
    </message>
    <message>
        <source>&amp;Inställningar…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Avsluta</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>A&amp;vsnitt</source>
        <translation>&amp;Sections</translation>
    </message>
    <message>
        <source>&amp;Hjälp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Kom igång</source>
        <translation>&amp;Getting started</translation>
    </message>
    <message>
        <source>K&amp;ortkommandon</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>&amp;Om Löften</source>
        <translation>&amp;About Löften</translation>
    </message>
    <message>
        <source>Skapar överenskommelsen…</source>
        <extracomment>The default file (no --db, no LOFTEN_DB): the first start asks file or server. The local file the database dialog offers (the default one when a server was named). The server being connected to (the helper thread opens it), else None.</extracomment>
        <translation>Creating the agreement…</translation>
    </message>
</context>
<context>
    <name>NeighbourhoodWatchForm</name>
    <message>
        <source>Grannsamverkan</source>
        <translation>Neighbourhood watch</translation>
    </message>
    <message>
        <source>Antal deltagare – skriv aldrig deras namn.</source>
        <translation>Number of participants – never write their names.</translation>
    </message>
    <message>
        <source>Tillsammans med:</source>
        <translation>Together with:</translation>
    </message>
    <message>
        <source>Hela tiden för träffen: planering, genomförande och uppföljning.</source>
        <translation>All the time for the meeting: planning, holding it and follow-up.</translation>
    </message>
    <message>
        <source>Inga namn och inga personnummer.</source>
        <translation>No names and no personal identity numbers.</translation>
    </message>
    <message>
        <source>Polisen</source>
        <extracomment>The partners&apos; short names as the list and the form show them, by field.</extracomment>
        <translation>police</translation>
    </message>
    <message>
        <source>kommunen</source>
        <translation>municipality</translation>
    </message>
    <message>
        <source>fastighetsägare</source>
        <translation>property owner</translation>
    </message>
    <message>
        <source>förening</source>
        <translation>association</translation>
    </message>
</context>
<context>
    <name>ObservationDelegate</name>
    <message>
        <source>%1, iakttagelse %2</source>
        <translation>%1, observation %2</translation>
    </message>
</context>
<context>
    <name>ObservationsModel</name>
    <message>
        <source>Plats</source>
        <extracomment>The field of `ObservationData` each column edits (&quot;action.&quot; for the action&apos;s fields).</extracomment>
        <translation>Place</translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Beskrivning</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Foton</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>Åtgärd</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Ansvarig</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>Vem</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Prio</source>
        <translation>Prio</translation>
    </message>
    <message>
        <source>Klart
senast</source>
        <translation>Due
by</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Skäl till
avslag</source>
        <translation>Reason for
rejection</translation>
    </message>
    <message>
        <source>Avslutad</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Vad som ska göras. Skriv här för att lägga till en åtgärd.</source>
        <translation>What is to be done. Type here to add an action.</translation>
    </message>
    <message>
        <source>Vem som har rådighet och ansvarar för åtgärden</source>
        <translation>Who has the authority and is responsible for the action</translation>
    </message>
    <message>
        <source>Vem som är ansvarig (krävs när ansvarig är ”annan”)</source>
        <translation>Who is responsible (required when the responsible party is “other”)</translation>
    </message>
    <message>
        <source>Prioritet</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Standard: sex månader efter vandringen</source>
        <translation>Default: six months after the walk</translation>
    </message>
    <message>
        <source>Datum då åtgärden avslutades</source>
        <translation>Date the action was closed</translation>
    </message>
    <message>
        <source>%1
försenad</source>
        <translation>%1
overdue</translation>
    </message>
    <message>
        <source>Försenad: åtgärden skulle vara klar %1 men är inte avslutad.</source>
        <translation>Overdue: the action was due by %1 but is not closed.</translation>
    </message>
</context>
<context>
    <name>ObservationsTable</name>
    <message>
        <source>Iakttagelser och åtgärder</source>
        <extracomment>Photos copied into the folder since the walk was last saved.</extracomment>
        <translation>Observations and actions</translation>
    </message>
    <message>
        <source>Lägg till iakttagelse</source>
        <translation>Add observation</translation>
    </message>
    <message>
        <source>Ta bort åtgärden</source>
        <translation>Remove the action</translation>
    </message>
    <message>
        <source>Tar bort åtgärden från den markerade iakttagelsen</source>
        <translation>Removes the action from the selected observation</translation>
    </message>
    <message>
        <source>Ta bort iakttagelsen</source>
        <translation>Remove the observation</translation>
    </message>
    <message>
        <source>Tar bort den markerade iakttagelsen</source>
        <translation>Removes the selected observation</translation>
    </message>
    <message>
        <source>%1 iakttagelse</source>
        <translation>%1 observation</translation>
    </message>
    <message>
        <source>%1 iakttagelser</source>
        <translation>%1 observations</translation>
    </message>
    <message>
        <source>%1 åtgärd</source>
        <translation>%1 action</translation>
    </message>
    <message>
        <source>%1 åtgärder</source>
        <translation>%1 actions</translation>
    </message>
    <message>
        <source>%1 ej avslutad</source>
        <translation>%1 not closed</translation>
    </message>
    <message>
        <source>%1 ej avslutade</source>
        <translation>%1 not closed</translation>
    </message>
    <message>
        <source>%1 försenad</source>
        <translation>%1 overdue</translation>
    </message>
    <message>
        <source>%1 försenade</source>
        <translation>%1 overdue</translation>
    </message>
</context>
<context>
    <name>OtherActivityForm</name>
    <message>
        <source>Övrig aktivitet</source>
        <translation>Other activity</translation>
    </message>
    <message>
        <source>t.ex. Skolbesök i årskurs 8</source>
        <translation>e.g. School visit in year 8</translation>
    </message>
    <message>
        <source>Ange antal</source>
        <translation>Set number</translation>
    </message>
    <message>
        <source>Hur många det gällde, t.ex. antal elever, lampor eller deltagare.</source>
        <translation>How many it concerned, e.g. the number of pupils, lamps or participants.</translation>
    </message>
    <message>
        <source>Hela tiden för aktiviteten: planering, genomförande och uppföljning.</source>
        <translation>All the time spent on the activity: planning, carrying out and follow-up.</translation>
    </message>
    <message>
        <source>Inga namn och inga personnummer.</source>
        <translation>No names and no personal identity numbers.</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Överens&amp;kommelse:</source>
        <extracomment>What is due today (the same for every period) until something is saved.</extracomment>
        <translation>A&amp;greement:</translation>
    </message>
    <message>
        <source>Överenskommelsen som översikten visar; den som gäller står först (Alt+K)</source>
        <translation>The agreement the overview shows; the one in force comes first (Alt+G)</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Året eller kvartalet som översikten visar (Alt+P)</source>
        <translation>The year or quarter the overview shows (Alt+P)</translation>
    </message>
    <message>
        <source>Räknar…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <source>Databasen har ingen överenskommelse ännu.</source>
        <translation>The database has no agreement yet.</translation>
    </message>
    <message>
        <source>%1 och %2 · %3</source>
        <translation>%1 and %2 · %3</translation>
    </message>
</context>
<context>
    <name>PartnersDialog</name>
    <message>
        <source>Parade installationer</source>
        <translation>Paired installations</translation>
    </message>
    <message>
        <source>Paket importeras bara från installationerna nedan. Den här installationens fingeravtryck, att läsa upp för den som ska para med dig: %1</source>
        <translation>Packages are imported only from the installations below. This installation&apos;s fingerprint, to read out to whoever pairs with you: %1</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Fingeravtryck</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <source>Parad</source>
        <translation>Paired</translation>
    </message>
    <message>
        <source>Inga parade installationer ännu.</source>
        <translation>No paired installations yet.</translation>
    </message>
    <message>
        <source>Ta bort parning</source>
        <translation>Remove pairing</translation>
    </message>
    <message>
        <source>Sluta lita på paket från %1? Ett senare paket därifrån kan importeras först efter att ni har jämfört fingeravtrycket igen.</source>
        <translation>Stop trusting packages from %1? A later package from there can be imported only after you have compared the fingerprint again.</translation>
    </message>
</context>
<context>
    <name>PatrolForm</name>
    <message>
        <source>Polisiär närvaro och butiksbesök</source>
        <translation>Police presence and shop visits</translation>
    </message>
    <message>
        <source>Tid:</source>
        <translation>Time:</translation>
    </message>
    <message>
        <source>Hela tiden för insatsen: planering, genomförande och uppföljning.</source>
        <translation>All the time spent on the deployment: planning, carrying out and follow-up.</translation>
    </message>
</context>
<context>
    <name>PdfViewer</name>
    <message>
        <source>Föregående sida</source>
        <extracomment>Zoom steps of &quot;Förstora&quot;/&quot;Förminska&quot;, as factors of the page&apos;s natural size.</extracomment>
        <translation>Previous page</translation>
    </message>
    <message>
        <source>Nästa sida</source>
        <translation>Next page</translation>
    </message>
    <message>
        <source>Sida</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>Förminska (Ctrl+-)</source>
        <translation>Zoom out (Ctrl+-)</translation>
    </message>
    <message>
        <source>Förstora (Ctrl++)</source>
        <translation>Zoom in (Ctrl++)</translation>
    </message>
    <message>
        <source>Fyll bredden</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <source>Hela sidan</source>
        <translation>Whole page</translation>
    </message>
    <message>
        <source>Rapporten %1 kan inte visas (filen går inte att läsa som PDF).</source>
        <translation>The report %1 cannot be shown (the file cannot be read as a PDF).</translation>
    </message>
    <message>
        <source>av %1</source>
        <translation>of %1</translation>
    </message>
</context>
<context>
    <name>PhotosCell</name>
    <message>
        <source>Bifoga foto…</source>
        <extracomment>Suffixes offered in the file dialog (lower case); other files are refused.</extracomment>
        <translation>Attach photo…</translation>
    </message>
    <message>
        <source>Antal foton, iakttagelse %1</source>
        <translation>Number of photos, observation %1</translation>
    </message>
    <message>
        <source>Bifoga foto till iakttagelse %1</source>
        <translation>Attach a photo to observation %1</translation>
    </message>
    <message>
        <source>Inga foton bifogade</source>
        <translation>No photos attached</translation>
    </message>
    <message>
        <source>Visa foto %1</source>
        <translation>Show photo %1</translation>
    </message>
    <message>
        <source>Ta bort foto %1</source>
        <translation>Remove photo %1</translation>
    </message>
</context>
<context>
    <name>PlaceChoice</name>
    <message>
        <source>Ny plats…</source>
        <translation>New place…</translation>
    </message>
    <message>
        <source>Lägg till en ny plats</source>
        <translation>Add a new place</translation>
    </message>
</context>
<context>
    <name>PlaceForm</name>
    <message>
        <source>Plats</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>t.ex. Stora torget</source>
        <translation>e.g. Stora torget</translation>
    </message>
    <message>
        <source>Namn:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Var platsen ligger eller vad den omfattar</source>
        <translation>Where the place is or what it covers</translation>
    </message>
    <message>
        <source>Beskrivning:</source>
        <translation>Description:</translation>
    </message>
</context>
<context>
    <name>PlacesPicker</name>
    <message>
        <source>Ny plats…</source>
        <translation>New place…</translation>
    </message>
    <message>
        <source>Lägg till en ny plats</source>
        <translation>Add a new place</translation>
    </message>
</context>
<context>
    <name>PromiseCard</name>
    <message>
        <source>Klicka för att visa löftets poster för perioden</source>
        <translation>Click to show the promise&apos;s records for the period</translation>
    </message>
    <message>
        <source>Ansvarig: %1</source>
        <translation>Responsible: %1</translation>
    </message>
    <message>
        <source>Inga mål satta för löftet. Mål läggs till under Register → Mål.</source>
        <translation>No targets set for this promise. Targets are added under Registers → Targets.</translation>
    </message>
</context>
<context>
    <name>PromiseForm</name>
    <message>
        <source>Löfte</source>
        <translation>Promise</translation>
    </message>
    <message>
        <source>Överenskommelse:</source>
        <translation>Agreement:</translation>
    </message>
    <message>
        <source>Nummer:</source>
        <translation>Number:</translation>
    </message>
    <message>
        <source>t.ex. Trygghetsvandringar</source>
        <translation>e.g. Safety walks</translation>
    </message>
    <message>
        <source>Kort titel:</source>
        <translation>Short title:</translation>
    </message>
    <message>
        <source>Löftets text ordagrant som i överenskommelsen</source>
        <translation>The promise&apos;s text word for word as in the agreement</translation>
    </message>
    <message>
        <source>Löftets text:</source>
        <translation>Text of the promise:</translation>
    </message>
    <message>
        <source>Ansvarig:</source>
        <translation>Responsible:</translation>
    </message>
    <message>
        <source>t.ex. i samråd med kommunen och det lokala näringslivet</source>
        <translation>e.g. in consultation with the municipality and local businesses</translation>
    </message>
    <message>
        <source>Kommentar om ansvar:</source>
        <translation>Note on responsibility:</translation>
    </message>
    <message>
        <source>Vilken sorts aktiviteter som registreras för löftet.</source>
        <translation>What kind of activities are recorded for the promise.</translation>
    </message>
    <message>
        <source>Typ:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>Timmar per år som polisen och kommunen planerar att lägga på löftet. Rapporterna visar planerad tid mot nedlagd tid. Lämna tomt om ingen plan finns.</source>
        <translation>Hours a year that the police and the municipality plan to spend on the promise. The reports show planned against spent time. Leave empty when there is no plan.</translation>
    </message>
    <message>
        <source>Planerad tid per år:</source>
        <translation>Planned time per year:</translation>
    </message>
    <message>
        <source>Mål:</source>
        <translation>Targets:</translation>
    </message>
    <message>
        <source>Skrivs för invånarna och pressen. Inga namn och inga personnummer.</source>
        <translation>Written for residents and the press. No names and no personal identity numbers.</translation>
    </message>
    <message>
        <source>Kommentar i den offentliga uppföljningen:</source>
        <translation>Comment in the public follow-up:</translation>
    </message>
    <message>
        <source>Visas bara internt, aldrig i den offentliga uppföljningen. Inga namn och inga personnummer.</source>
        <translation>Shown only internally, never in the public follow-up. No names and no personal identity numbers.</translation>
    </message>
    <message>
        <source>Intern kommentar:</source>
        <translation>Internal comment:</translation>
    </message>
    <message>
        <source>Ingen överenskommelse. Lägg in den under fliken Överenskommelse.</source>
        <translation>No agreement. Enter it on the Agreement tab.</translation>
    </message>
    <message>
        <source>Mål läggs till och ändras under fliken Mål.</source>
        <translation>Targets are added and changed on the Targets tab.</translation>
    </message>
    <message>
        <source>Inga mål ännu. Lägg till mål under fliken Mål.</source>
        <translation>No targets yet. Add targets on the Targets tab.</translation>
    </message>
    <message>
        <source>Löfte nummer %1 finns redan i överenskommelsen. Välj ett annat nummer.</source>
        <translation>Promise number %1 already exists in the agreement. Choose another number.</translation>
    </message>
</context>
<context>
    <name>RecordColumns</name>
    <message>
        <source>Polisiär närvaro och butiksbesök</source>
        <translation>Police presence and shop visits</translation>
    </message>
    <message>
        <source>Kväll/natt</source>
        <translation>Evening/night</translation>
    </message>
    <message>
        <source>Trygghetsvandringar</source>
        <translation>Safety walks</translation>
    </message>
    <message>
        <source>Öppna åtgärder</source>
        <translation>Open actions</translation>
    </message>
    <message>
        <source>Grannsamverkan</source>
        <translation>Neighbourhood watch</translation>
    </message>
    <message>
        <source>Tillsammans med</source>
        <translation>Together with</translation>
    </message>
    <message>
        <source>kommunen</source>
        <translation>municipality</translation>
    </message>
    <message>
        <source>näringslivet</source>
        <translation>business</translation>
    </message>
    <message>
        <source>Polisvolontärer</source>
        <translation>Police volunteers</translation>
    </message>
    <message>
        <source>I samråd med</source>
        <translation>In consultation with</translation>
    </message>
    <message>
        <source>Narkotikaärenden</source>
        <translation>Drug cases</translation>
    </message>
    <message>
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Dagar till kontakt</source>
        <translation>Days to contact</translation>
    </message>
    <message>
        <source>Övriga aktiviteter</source>
        <translation>Other activities</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Tid</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Platser</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>ja</source>
        <extracomment>Translation context of column headers and cell texts. The enum whose words the column shows: the search finds its records by those words.</extracomment>
        <translation>yes</translation>
    </message>
    <message>
        <source>nej</source>
        <translation>no</translation>
    </message>
    <message>
        <source>%1–%2 (%3 h)</source>
        <translation>%1–%2 (%3 h)</translation>
    </message>
    <message>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Beskrivning</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Butiker</source>
        <translation>Shops</translation>
    </message>
    <message>
        <source>Adress</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Löften</source>
        <translation>Promises</translation>
    </message>
    <message>
        <source>Nr</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Löfte</source>
        <translation>Promise</translation>
    </message>
    <message>
        <source>Ansvarig</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>Mål</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Mått</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Indikatorer</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <source>Enhet</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Källa</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Lägre är bättre</source>
        <translation>Lower is better</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>Spara</source>
        <extracomment>The record kind&apos;s key (`domain.kinds`; its table): its fields&apos; labels are captions. Questions answered &quot;yes&quot; for the open record (asked once per record, see `ask_once`).</extracomment>
        <translation>Save</translation>
    </message>
    <message>
        <source>Spara (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Stäng formuläret (Esc)</source>
        <translation>Close the form (Esc)</translation>
    </message>
    <message>
        <source>&amp;Historik</source>
        <translation>Hi&amp;story</translation>
    </message>
    <message>
        <source>Visa postens historik (Ctrl+H)</source>
        <translation>Show the record&apos;s history (Ctrl+H)</translation>
    </message>
    <message>
        <source>Förnya överenskommelsen…</source>
        <extracomment>Shown when a save is refused because no agreement is in force on the record&apos;s date.</extracomment>
        <translation>Renew the agreement…</translation>
    </message>
    <message>
        <source>Lägg upp en överenskommelse som gäller postens datum och spara sedan igen</source>
        <translation>Set up an agreement in force on the record&apos;s date, then save again</translation>
    </message>
    <message>
        <source>%1 (valfritt):</source>
        <translation>%1 (optional):</translation>
    </message>
    <message>
        <source>Avtalet har inget löfte av den här typen. Lägg till ett under Register › Löften.</source>
        <translation>The agreement has no promise of this type. Add one under Registers › Promises.</translation>
    </message>
    <message>
        <source>Kunde inte visa historiken</source>
        <translation>Could not show the history</translation>
    </message>
    <message>
        <source>Kan inte sparas: %1 att rätta (se de röda texterna).</source>
        <translation>Cannot be saved: %1 to correct (see the red texts).</translation>
    </message>
    <message>
        <source>Inga ändringar att spara.</source>
        <translation>No changes to save.</translation>
    </message>
    <message>
        <source>Kunde inte spara</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <source>Posten har ändrats</source>
        <translation>The record has changed</translation>
    </message>
    <message>
        <source>Läs in den nya versionen</source>
        <translation>Load the new version</translation>
    </message>
    <message>
        <source>Behåll mina värden</source>
        <translation>Keep my values</translation>
    </message>
    <message>
        <source>Fält</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>När du öppnade</source>
        <translation>When you opened it</translation>
    </message>
    <message>
        <source>Sparat nu</source>
        <translation>Saved now</translation>
    </message>
    <message>
        <source>Ditt värde</source>
        <translation>Your value</translation>
    </message>
    <message>
        <source>Det här ändrades av den andra sparningen:</source>
        <translation>This is what the other save changed:</translation>
    </message>
    <message>
        <source>Osparade ändringar</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Du har ändringar som inte är sparade. Vill du spara dem?</source>
        <translation>You have changes that are not saved. Do you want to save them?</translation>
    </message>
    <message>
        <source>Släng ändringarna</source>
        <translation>Discard the changes</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RecordListWidget</name>
    <message>
        <source>Återställ</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Återställ den valda posten</source>
        <translation>Restore the selected record</translation>
    </message>
    <message>
        <source>Återställ den valda borttagna posten</source>
        <translation>Restore the selected deleted record</translation>
    </message>
    <message>
        <source>Ny</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Ny post</source>
        <translation>New record</translation>
    </message>
    <message>
        <source>Lägg till en ny post</source>
        <translation>Add a new record</translation>
    </message>
    <message>
        <source>Antal poster</source>
        <translation>Number of records</translation>
    </message>
    <message>
        <source>Meddelande</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Räknar…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>1 post</source>
        <translation>1 record</translation>
    </message>
    <message>
        <source>%1 poster</source>
        <translation>%1 records</translation>
    </message>
</context>
<context>
    <name>RecordSection</name>
    <message>
        <source>Ångra</source>
        <extracomment>Date fields a copy gets today&apos;s date in, and fields a copy must not keep (generated codes, what happened later in the record&apos;s life). What does not recur from one record to the next: counts of what was seen, notes, comments and hours. A copy gets the field&apos;s default instead.</extracomment>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Ångra borttagningen (Ctrl+Z)</source>
        <translation>Undo the deletion (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Ny från föregående</source>
        <translation>New from previous</translation>
    </message>
    <message>
        <source>En ny post ifylld som den senaste, daterad i dag (Ctrl+Skift+N)</source>
        <translation>A new record filled in like the latest, dated today (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>Kunde inte öppna posten</source>
        <translation>Could not open the record</translation>
    </message>
    <message>
        <source>Kunde inte ta bort posten</source>
        <translation>Could not delete the record</translation>
    </message>
    <message>
        <source>Posten togs bort. Du kan ångra det (Ctrl+Z), eller återställa den senare under Visa borttagna.</source>
        <translation>The record was deleted. You can undo that (Ctrl+Z), or restore it later under Show deleted.</translation>
    </message>
    <message>
        <source>Kunde inte ångra</source>
        <translation>Could not undo</translation>
    </message>
</context>
<context>
    <name>RecordTableModel</name>
    <message>
        <source>Kolumnen går inte att sortera</source>
        <extracomment>Role that returns a value that compares the way the column sorts (numbers, ISO dates, codes). Role that returns the record&apos;s id (str). Rows read at a time: about two screens (a page of 50 patrols with their places and shop visits reads in about 10 ms; 200 took 50-100 ms before the first rows could show). Lists with more matches than this are counted first and their keys read by window. The longest a list shown by its first window waits for `count_now()` before it counts (ms). When a list shown with the stored totals&apos; count counts its rows to check it (ms). Pages of keys in one window, and the windows kept. Every key in list order, or None for a large list read by window. Show a query&apos;s first window before counting the matches (see the class). The query whose count is pending (its number), or None. The query shown with the stored totals&apos; count, until it is checked.</extracomment>
        <translation>This column cannot be sorted</translation>
    </message>
    <message>
        <source>Borttagen %1</source>
        <translation>Deleted %1</translation>
    </message>
</context>
<context>
    <name>RegisterForm</name>
    <message>
        <source>Kan inte sparas: %1 att rätta (se de röda texterna).</source>
        <translation>Cannot be saved: %1 to correct (see the red texts).</translation>
    </message>
</context>
<context>
    <name>RegistersPage</name>
    <message>
        <source>Överenskommelse</source>
        <extracomment>Tabs whose &quot;Ny från föregående&quot; makes sense (a second target like the first); a copied promise would take a number in use, a copied place or shop a name in use.</extracomment>
        <translation>Agreement</translation>
    </message>
    <message>
        <source>Löften</source>
        <translation>Promises</translation>
    </message>
    <message>
        <source>Mål</source>
        <translation>Targets</translation>
    </message>
    <message>
        <source>Platser</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>Butiker</source>
        <translation>Shops</translation>
    </message>
    <message>
        <source>Indikatorer</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <source>Förnya överenskommelsen…</source>
        <translation>Renew the agreement…</translation>
    </message>
    <message>
        <source>En ny överenskommelse för nästa period, med löftena och målen från den som gäller</source>
        <translation>A new agreement for the next period, with the promises and targets of the one in force</translation>
    </message>
    <message>
        <source>Förnya överenskommelsen</source>
        <translation>Renew the agreement</translation>
    </message>
    <message>
        <source>Det finns ingen överenskommelse att förnya. Lägg upp den under Överenskommelse först.</source>
        <translation>There is no agreement to renew. Set it up under Agreement first.</translation>
    </message>
</context>
<context>
    <name>RenewDialog</name>
    <message>
        <source>Förnya överenskommelsen</source>
        <translation>Renew the agreement</translation>
    </message>
    <message>
        <source>Den nya överenskommelsen tar över löftena och deras mål från ”%1” (%2 – %3). Bocka ur de löften som inte ska följa med och ändra det som är nytt. Varje löfte som följer med minns vilket löfte det fortsätter, så att åren kan jämföras.</source>
        <translation>The new agreement takes over the promises and their targets from “%1” (%2 – %3). Untick the promises that are not carried over and change what is new. Each promise carried over remembers the promise it continues, so that the years can be compared.</translation>
    </message>
    <message>
        <source>Gäller från</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <source>Gäller till</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Rubrik</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>Rubrik:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <source>Förnya</source>
        <translation>Renew</translation>
    </message>
    <message>
        <source>Löften som följer med:</source>
        <translation>Promises carried over:</translation>
    </message>
    <message>
        <source>Löften som följer med</source>
        <translation>Promises carried over</translation>
    </message>
    <message>
        <source>Ta med</source>
        <translation>Carry</translation>
    </message>
    <message>
        <source>Kort rubrik</source>
        <translation>Short title</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Ansvarig</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>Mål</source>
        <translation>Targets</translation>
    </message>
    <message>
        <source>Periodens slut kan inte ligga före dess början.</source>
        <translation>The end of the period cannot be before its start.</translation>
    </message>
    <message>
        <source>Skriv en rubrik för överenskommelsen.</source>
        <translation>Enter a title for the agreement.</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Rapporter</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Överenskommelse</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <source>Överenskommelsen som rapporten gäller; den som gäller nu står först.</source>
        <translation>The agreement the report is about; the one in force now comes first.</translation>
    </message>
    <message>
        <source>Rapport</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Kvartalsrapport</source>
        <translation>Quarterly report</translation>
    </message>
    <message>
        <source>Kvartalet och året hittills mot målen, för styrgruppen.</source>
        <translation>The quarter and the year so far against the targets, for the steering group.</translation>
    </message>
    <message>
        <source>Uppföljning</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Hela överenskommelsens period: mål mot resultat för varje löfte.</source>
        <translation>The whole agreement period: target against result for each promise.</translation>
    </message>
    <message>
        <source>Kvartal</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Intern</source>
        <translation>Internal</translation>
    </message>
    <message>
        <source>Offentlig</source>
        <translation>Public</translation>
    </message>
    <message>
        <source>Skapa rapport</source>
        <translation>Make report</translation>
    </message>
    <message>
        <source>Skapa rapporten (Ctrl+Enter)</source>
        <translation>Make the report (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Öppna i PDF-läsare</source>
        <translation>Open in PDF reader</translation>
    </message>
    <message>
        <source>Öppna rapporten i datorns program för PDF-filer</source>
        <translation>Open the report in the computer&apos;s PDF program</translation>
    </message>
    <message>
        <source>Spara som…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <source>Spara en kopia av rapporten (Ctrl+S)</source>
        <translation>Save a copy of the report (Ctrl+S)</translation>
    </message>
    <message>
        <source>Skriv ut…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Skriv ut rapporten (Ctrl+P)</source>
        <translation>Print the report (Ctrl+P)</translation>
    </message>
    <message>
        <source>Spara i format</source>
        <translation>Save as format</translation>
    </message>
    <message>
        <source>PDF; webbsida (HTML) att publicera på webben; Word att redigera</source>
        <translation>PDF; web page (HTML) to publish on the web; Word to edit</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Webbsida (HTML)</source>
        <translation>Web page (HTML)</translation>
    </message>
    <message>
        <source>Word (DOCX)</source>
        <translation>Word (DOCX)</translation>
    </message>
    <message>
        <source>Välj rapport, period och version och tryck på ”Skapa rapport”.</source>
        <translation>Choose the report, period and version and press “Make report”.</translation>
    </message>
    <message>
        <source>Databasen har ingen överenskommelse. Lägg in den under Register innan du skapar en rapport.</source>
        <translation>The database has no agreement. Enter it under Registers before making a report.</translation>
    </message>
    <message>
        <source>Valen har ändrats: skapa rapporten igen.</source>
        <translation>The choices have changed: make the report again.</translation>
    </message>
    <message>
        <source>Hela överenskommelsen: %1</source>
        <translation>The whole agreement: %1</translation>
    </message>
    <message>
        <source>Utan fritext och ärendekoder; narkotikaärenden redovisas bara för hela perioden i uppföljningen, och antal under 5 visas inte. För webben och pressen.</source>
        <translation>Without free text and case codes; drug cases are given only for the whole period, in the follow-up, and counts under 5 are not shown. For the web and the press.</translation>
    </message>
    <message>
        <source>Med anteckningar och ärendekoder. Sprid den inte utanför styrgruppen.</source>
        <translation>With notes and case codes. Do not share it outside the steering group.</translation>
    </message>
    <message>
        <source>Skapar %1…</source>
        <translation>Making %1…</translation>
    </message>
    <message>
        <source>%1 – OFFENTLIG VERSION, för webben och pressen</source>
        <translation>%1 – PUBLIC VERSION, for the web and the press</translation>
    </message>
    <message>
        <source>%1 – INTERN VERSION, får inte publiceras</source>
        <translation>%1 – INTERNAL VERSION, not to be published</translation>
    </message>
    <message>
        <source>Rapporten är klar (%1 sidor).</source>
        <translation>The report is ready (%1 pages).</translation>
    </message>
    <message>
        <source>Rapporten är klar (1 sida).</source>
        <translation>The report is ready (1 page).</translation>
    </message>
    <message>
        <source>Rapporten kunde inte skapas.</source>
        <translation>The report could not be made.</translation>
    </message>
    <message>
        <source>Det finns inget program för PDF-filer på datorn, eller det gick inte att starta. Använd ”Spara som…” och öppna filen själv.</source>
        <translation>There is no program for PDF files on this computer, or it could not be started. Use “Save as…” and open the file yourself.</translation>
    </message>
    <message>
        <source>Webbsida (*.html)</source>
        <translation>Web page (*.html)</translation>
    </message>
    <message>
        <source>Word-dokument (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
    <message>
        <source>Spara rapporten</source>
        <translation>Save the report</translation>
    </message>
    <message>
        <source>PDF-dokument (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>Rapporten kunde inte sparas som %1: %2.</source>
        <translation>The report could not be saved as %1: %2.</translation>
    </message>
    <message>
        <source>Sparad som %1.</source>
        <translation>Saved as %1.</translation>
    </message>
    <message>
        <source>Sparar %1…</source>
        <translation>Saving %1…</translation>
    </message>
    <message>
        <source>Rapporten kunde inte sparas.</source>
        <translation>The report could not be saved.</translation>
    </message>
    <message>
        <source>Skriv ut rapporten</source>
        <translation>Print the report</translation>
    </message>
    <message>
        <source>Skriver ut…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <source>%1 sidor har skickats till skrivaren.</source>
        <translation>%1 pages have been sent to the printer.</translation>
    </message>
    <message>
        <source>1 sida har skickats till skrivaren.</source>
        <translation>1 page has been sent to the printer.</translation>
    </message>
    <message>
        <source>Rapporten kunde inte skrivas ut.</source>
        <translation>The report could not be printed.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Vid start</source>
        <translation>At start</translation>
    </message>
    <message>
        <source>Säkerhetskopiera nu</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>Före import</source>
        <translation>Before import</translation>
    </message>
    <message>
        <source>Före återställning</source>
        <translation>Before restore</translation>
    </message>
    <message>
        <source>Före återställning (rå kopia)</source>
        <translation>Before restore (raw copy)</translation>
    </message>
    <message>
        <source>Före uppgradering</source>
        <translation>Before upgrade</translation>
    </message>
    <message>
        <source>Återställ säkerhetskopia</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <source>Välj den säkerhetskopia som databasen ska återställas till. Den nuvarande databasen sparas först som en säkerhetskopia, så inget går förlorat.</source>
        <translation>Choose the backup to restore the database to. The current database is saved as a backup first, so nothing is lost.</translation>
    </message>
    <message>
        <source>Säkerhetskopior</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>Gjord</source>
        <translation>Made</translation>
    </message>
    <message>
        <source>Varför</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Storlek</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Det finns inga säkerhetskopior ännu. Välj en fil.</source>
        <translation>There are no backups yet. Choose a file.</translation>
    </message>
    <message>
        <source>Återställ</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Välj fil…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>Välj säkerhetskopia</source>
        <translation>Choose backup</translation>
    </message>
    <message>
        <source>Säkerhetskopior (*.bak *.db *.sqlite);;Alla filer (*)</source>
        <translation>Backups (*.bak *.db *.sqlite);;All files (*)</translation>
    </message>
</context>
<context>
    <name>SafetyActions</name>
    <message>
        <source>Det gick inte</source>
        <extracomment>How long a status bar message of a finished action stays (ms). What retention changes: closed drug cases lose their notes and exact dates. The list of paired installations while it is open (tests answer it). The import&apos;s preview while it is open (tests answer it).</extracomment>
        <translation>It did not work</translation>
    </message>
    <message>
        <source>Säkerhetskopia gjord vid start: %1</source>
        <translation>Backup made at start: %1</translation>
    </message>
    <message>
        <source>Gallring vid start: %1 narkotikaärenden gallrades.</source>
        <translation>Retention at start: %1 drug cases were reduced.</translation>
    </message>
    <message>
        <source>Säkerhetskopierar…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>Säkerhetskopian är sparad: %1</source>
        <translation>The backup is saved: %1</translation>
    </message>
    <message>
        <source>Återställ säkerhetskopia</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <source>Databasen ersätts med innehållet i %1.

Den nuvarande databasen sparas först som en säkerhetskopia, så du kan gå tillbaka till den. Osparade ändringar i öppna formulär frågar Löften om först.

Vill du återställa?</source>
        <translation>The database is replaced with the contents of %1.

The current database is saved as a backup first, so you can go back to it. Löften asks about unsaved changes in open forms first.

Do you want to restore?</translation>
    </message>
    <message>
        <source>Återställer säkerhetskopian…</source>
        <translation>Restoring the backup…</translation>
    </message>
    <message>
        <source>Databasen är återställd från %1.</source>
        <translation>The database has been restored from %1.</translation>
    </message>
    <message>
        <source>Databasen som den var före är sparad som %1.</source>
        <translation>The database as it was before is saved as %1.</translation>
    </message>
    <message>
        <source>Säkerhetskopian är återställd</source>
        <translation>The backup has been restored</translation>
    </message>
    <message>
        <source>Kunde inte återställa</source>
        <translation>Could not restore</translation>
    </message>
    <message>
        <source>Spara paketet</source>
        <translation>Save the package</translation>
    </message>
    <message>
        <source>Löften-paket (*%1)</source>
        <translation>Löften packages (*%1)</translation>
    </message>
    <message>
        <source>Exporterar ändringarna…</source>
        <translation>Exporting the changes…</translation>
    </message>
    <message>
        <source>%1 poster och %2 foton är exporterade till %3.</source>
        <translation>%1 records and %2 photos have been exported to %3.</translation>
    </message>
    <message>
        <source>%1 foton saknades i fotomappen och kom inte med.</source>
        <translation>%1 photos were missing from the photo folder and were not included.</translation>
    </message>
    <message>
        <source>Ändringarna är exporterade</source>
        <translation>The changes have been exported</translation>
    </message>
    <message>
        <source>Paketet</source>
        <translation>The package</translation>
    </message>
    <message>
        <source>Välj paket att importera</source>
        <translation>Choose a package to import</translation>
    </message>
    <message>
        <source>Löften-paket (*%1);;Alla filer (*)</source>
        <translation>Löften packages (*%1);;All files (*)</translation>
    </message>
    <message>
        <source>Kontrollerar paketet…</source>
        <translation>Checking the package…</translation>
    </message>
    <message>
        <source>Installationen parades inte. Inget har importerats.</source>
        <translation>The installation was not paired. Nothing was imported.</translation>
    </message>
    <message>
        <source>Paketet kan inte importeras</source>
        <translation>The package cannot be imported</translation>
    </message>
    <message>
        <source>Importerar…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>Importen är klar: %1 nya, %2 uppdaterade, %3 sammanslagna fält för fält, %4 konflikter där värdena här behölls, %5 foton.</source>
        <translation>The import is done: %1 new, %2 updated, %3 merged field by field, %4 conflicts where the values here were kept, %5 photos.</translation>
    </message>
    <message>
        <source>Säkerhetskopia före importen: %1</source>
        <translation>Backup before the import: %1</translation>
    </message>
    <message>
        <source>Ändringarna är importerade</source>
        <translation>The changes have been imported</translation>
    </message>
    <message>
        <source>Spara ändringsloggen</source>
        <translation>Save the audit log</translation>
    </message>
    <message>
        <source>CSV-filer (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Exporterar ändringsloggen…</source>
        <translation>Exporting the audit log…</translation>
    </message>
    <message>
        <source>Ändringsloggen är sparad (%1 rader).</source>
        <translation>The audit log is saved (%1 rows).</translation>
    </message>
    <message>
        <source>Gallra nu</source>
        <translation>Apply retention now</translation>
    </message>
    <message>
        <source>Narkotikaärenden som avslutades för mer än %1 månader sedan förlorar sina anteckningar och exakta datum. Siffrorna för statistiken finns kvar. Gallringen kan inte ångras (utom genom att återställa en säkerhetskopia).

Vill du gallra nu?</source>
        <translation>Drug cases closed more than %1 months ago lose their notes and exact dates. The figures for statistics remain. Retention cannot be undone (except by restoring a backup).

Do you want to apply retention now?</translation>
    </message>
    <message>
        <source>Gallring: %1 narkotikaärenden avslutade före %2 gallrades.</source>
        <translation>Retention: %1 drug cases closed before %2 were reduced.</translation>
    </message>
</context>
<context>
    <name>SafetyWalkForm</name>
    <message>
        <source>Trygghetsvandring</source>
        <translation>Safety walk</translation>
    </message>
    <message>
        <source>Område</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Ny plats…</source>
        <translation>New place…</translation>
    </message>
    <message>
        <source>Lägg till en ny plats</source>
        <translation>Add a new place</translation>
    </message>
    <message>
        <source>T.ex. Resecentrum – Skillerälven – Stora torget</source>
        <translation>E.g. Resecentrum – Skillerälven – Stora torget</translation>
    </message>
    <message>
        <source>hölls</source>
        <translation>held</translation>
    </message>
    <message>
        <source>skickat/publicerat</source>
        <translation>sent/published</translation>
    </message>
    <message>
        <source>Varför vandringen ställdes in</source>
        <translation>Why the walk was cancelled</translation>
    </message>
    <message>
        <source>Hela tiden för vandringen: förmöte, vandring, återkoppling och protokoll.</source>
        <translation>All the time spent on the walk: preparatory meeting, walk, feedback and minutes.</translation>
    </message>
    <message>
        <source>Deltagare (antal, aldrig namn)</source>
        <translation>Participants (numbers, never names)</translation>
    </message>
    <message>
        <source>Antal deltagare: %1</source>
        <translation>Number of participants: %1</translation>
    </message>
    <message>
        <source>Totalt 1 deltagare</source>
        <translation>1 participant in total</translation>
    </message>
    <message>
        <source>Totalt %1 deltagare</source>
        <translation>%1 participants in total</translation>
    </message>
    <message>
        <source>Ny plats</source>
        <translation>New place</translation>
    </message>
    <message>
        <source>Platsens namn (sparas i platsregistret):</source>
        <translation>Name of the place (saved in the place register):</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Inställningar</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Ditt namn</source>
        <translation>Your name</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Språk</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Gallring efter antal månader</source>
        <translation>Retention after a number of months</translation>
    </message>
    <message>
        <source> månader</source>
        <translation> months</translation>
    </message>
    <message>
        <source>Avslutade narkotikaärenden behåller sina siffror men förlorar anteckningar och exakta datum så här länge efter att de avslutades.</source>
        <translation>Closed drug cases keep their figures but lose notes and exact dates this long after they were closed.</translation>
    </message>
    <message>
        <source>Antal säkerhetskopior att behålla</source>
        <translation>Number of backups to keep</translation>
    </message>
    <message>
        <source>De senaste säkerhetskopiorna som sparas, plus en per månad det senaste året.</source>
        <translation>The latest backups that are kept, plus one a month for the last year.</translation>
    </message>
    <message>
        <source>Namn:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Organisation:</source>
        <translation>Organisation:</translation>
    </message>
    <message>
        <source>Språk:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <source>Gallra narkotikaärenden efter:</source>
        <translation>Apply retention to drug cases after:</translation>
    </message>
    <message>
        <source>Säkerhetskopior att behålla:</source>
        <translation>Backups to keep:</translation>
    </message>
    <message>
        <source>Det nya språket används nästa gång du startar Löften.</source>
        <translation>The new language is used the next time you start Löften.</translation>
    </message>
    <message>
        <source>Skriv ditt namn (eller din roll).</source>
        <translation>Enter your name (or your role).</translation>
    </message>
</context>
<context>
    <name>SheetImport</name>
    <message>
        <source>Välj fil att importera</source>
        <extracomment>The preview while it is open (tests answer it).</extracomment>
        <translation>Choose a file to import</translation>
    </message>
    <message>
        <source>Excel-arbetsbok (*.xlsx);;CSV-filer från exporten (*.csv)</source>
        <translation>Excel workbook (*.xlsx);;CSV files from the export (*.csv)</translation>
    </message>
    <message>
        <source>Läser och kontrollerar %1…</source>
        <translation>Reading and checking %1…</translation>
    </message>
    <message>
        <source>Importerar…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>Importen är klar: %1 poster lades till.</source>
        <translation>The import is done: %1 records were added.</translation>
    </message>
    <message>
        <source>Säkerhetskopia före importen: %1</source>
        <translation>Backup before the import: %1</translation>
    </message>
    <message>
        <source>Importen är klar</source>
        <translation>The import is done</translation>
    </message>
    <message>
        <source>Filen kan inte importeras</source>
        <translation>The file cannot be imported</translation>
    </message>
    <message>
        <source>Spara importmallen</source>
        <translation>Save the import template</translation>
    </message>
    <message>
        <source>Excel-arbetsbok (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Mallen sparades inte</source>
        <translation>The template was not saved</translation>
    </message>
    <message>
        <source>Importmallen är sparad: %1</source>
        <translation>The import template is saved: %1</translation>
    </message>
</context>
<context>
    <name>SheetImportDialog</name>
    <message>
        <source>Importera från Excel/CSV</source>
        <extracomment>How many problems the list shows (the count says how many there are in all).</extracomment>
        <translation>Import from Excel/CSV</translation>
    </message>
    <message>
        <source>… och %1 problem till.</source>
        <translation>… and %1 more problems.</translation>
    </message>
    <message>
        <source>Spara &amp;mall…</source>
        <translation>Save &amp;template…</translation>
    </message>
    <message>
        <source>&amp;Importera</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>och %1 till</source>
        <translation>and %1 more</translation>
    </message>
    <message>
        <source>Fil: %1</source>
        <translation>File: %1</translation>
    </message>
    <message>
        <source>%1: %2 nya</source>
        <translation>%1: %2 new</translation>
    </message>
    <message>
        <source>%1: %2 finns redan (ändras inte)</source>
        <translation>%1: %2 already there (not changed)</translation>
    </message>
    <message>
        <source>Nya platser: %1</source>
        <translation>New places: %1</translation>
    </message>
    <message>
        <source>Nya butiker: %1</source>
        <translation>New shops: %1</translation>
    </message>
    <message>
        <source>%1 problem: ingenting importeras förrän alla rader går igenom. Rätta filen och importera igen.</source>
        <translation>%1 problems: nothing is imported until every row passes. Correct the file and import again.</translation>
    </message>
    <message>
        <source>Inget nytt att importera: allt i filen finns redan.</source>
        <translation>Nothing new to import: everything in the file is already there.</translation>
    </message>
    <message>
        <source>Alla rader går igenom. Importera lägger till %1 poster i en enda transaktion, efter en säkerhetskopia.</source>
        <translation>Every row passes. Import adds %1 records in a single transaction, after a backup.</translation>
    </message>
</context>
<context>
    <name>ShiftTimes</name>
    <message>
        <source>Starttid</source>
        <extracomment>A shift longer than this asks before it is saved (14:00–13:30 is more often a typing slip).</extracomment>
        <translation>Start time</translation>
    </message>
    <message>
        <source>Sluttid</source>
        <translation>End time</translation>
    </message>
    <message>
        <source>Över midnatt?</source>
        <translation>Past midnight?</translation>
    </message>
    <message>
        <source>Passet %1–%2 blir %3 långt och går över midnatt. Stämmer det?</source>
        <translation>The shift %1–%2 is %3 long and goes past midnight. Is that right?</translation>
    </message>
    <message>
        <source>Ja, över midnatt</source>
        <translation>Yes, past midnight</translation>
    </message>
    <message>
        <source>Nej, ändra tiderna</source>
        <translation>No, change the times</translation>
    </message>
    <message>
        <source>(över midnatt)</source>
        <translation>(past midnight)</translation>
    </message>
    <message>
        <source>kväll/natt %1</source>
        <translation>evening/night %1</translation>
    </message>
</context>
<context>
    <name>ShopForm</name>
    <message>
        <source>Butik</source>
        <translation>Shop</translation>
    </message>
    <message>
        <source>t.ex. Livsmedelsbutiken vid torget</source>
        <translation>e.g. The grocery shop on the square</translation>
    </message>
    <message>
        <source>Namn:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Adress:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <source>t.ex. livsmedel, kiosk, restaurang</source>
        <translation>e.g. grocery, kiosk, restaurant</translation>
    </message>
    <message>
        <source>Typ:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>Plats (valfritt):</source>
        <translation>Place (optional):</translation>
    </message>
</context>
<context>
    <name>ShopVisitsTable</name>
    <message>
        <source>Butik</source>
        <translation>Shop</translation>
    </message>
    <message>
        <source>Vad butiken berättade</source>
        <translation>What the shop said</translation>
    </message>
    <message>
        <source>Butiksbesök</source>
        <translation>Shop visits</translation>
    </message>
    <message>
        <source>Lägg till butiksbesök</source>
        <translation>Add shop visit</translation>
    </message>
    <message>
        <source>Ta bort markerat besök</source>
        <translation>Remove selected visit</translation>
    </message>
    <message>
        <source>Ny butik…</source>
        <translation>New shop…</translation>
    </message>
    <message>
        <source>Butik, rad %1</source>
        <translation>Shop, row %1</translation>
    </message>
    <message>
        <source>Anteckning, rad %1</source>
        <translation>Note, row %1</translation>
    </message>
    <message>
        <source>1 butiksbesök</source>
        <translation>1 shop visit</translation>
    </message>
    <message>
        <source>%1 butiksbesök</source>
        <translation>%1 shop visits</translation>
    </message>
    <message>
        <source>Ny butik</source>
        <translation>New shop</translation>
    </message>
    <message>
        <source>Butikens namn (sparas i butiksregistret):</source>
        <translation>Name of the shop (saved in the shop register):</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <source>Uppföljningen</source>
        <translation>The follow-up</translation>
    </message>
    <message>
        <source>Inget datum satt för uppföljningen (Register → Överenskommelse).</source>
        <translation>No date set for the follow-up (Registers → Agreement).</translation>
    </message>
    <message>
        <source>Ska vara klar %1, om %2 dagar.</source>
        <translation>Due %1, in %2 days.</translation>
    </message>
    <message>
        <source>Ska vara klar %1, i morgon.</source>
        <translation>Due %1, tomorrow.</translation>
    </message>
    <message>
        <source>Ska vara klar i dag, %1.</source>
        <translation>Due today, %1.</translation>
    </message>
    <message>
        <source>Skulle ha varit klar %1.</source>
        <translation>Was due %1.</translation>
    </message>
    <message>
        <source>Nästa planerade trygghetsvandring</source>
        <translation>Next planned safety walk</translation>
    </message>
    <message>
        <source>Ingen planerad.</source>
        <translation>None planned.</translation>
    </message>
    <message>
        <source>Öppna trygghetsvandringen</source>
        <translation>Open the safety walk</translation>
    </message>
    <message>
        <source>Försenade åtgärder (%1)</source>
        <translation>Overdue actions (%1)</translation>
    </message>
    <message>
        <source>Inga försenade åtgärder.</source>
        <translation>No overdue actions.</translation>
    </message>
    <message>
        <source>%1 · senast %2 · vandringen %3</source>
        <translation>%1 · due %2 · walk of %3</translation>
    </message>
    <message>
        <source>Öppna trygghetsvandringen där åtgärden beslutades</source>
        <translation>Open the safety walk where the action was decided</translation>
    </message>
    <message>
        <source>och %1 till; se Trygghetsvandringar.</source>
        <translation>and %1 more; see Safety walks.</translation>
    </message>
    <message>
        <source>Indikatorer</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <source>Inga indikatorer. De läggs till under Register → Indikatorer.</source>
        <translation>No indicators. They are added under Registers → Indicators.</translation>
    </message>
    <message>
        <source>Källa: %1</source>
        <translation>Source: %1</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Ansluter till servern…</source>
        <translation>Connecting to the server…</translation>
    </message>
    <message>
        <source>Det gick inte att ansluta till servern: %1</source>
        <translation>Could not connect to the server: %1</translation>
    </message>
    <message>
        <source>Databasfilen %1 är skrivskyddad, så Löften har öppnat den bara för läsning: du kan titta och ta fram rapporter, men inget kan sparas. Löften ändrar inte filens behörigheter; vill du spara, be den som äger filen att göra den skrivbar, eller arbeta i en kopia.</source>
        <translation>The database file %1 is write-protected, so Löften has opened it for reading only: you can look and make reports, but nothing can be saved. Löften does not change the file&apos;s permissions; to save, ask the file&apos;s owner to make it writable, or work in a copy.</translation>
    </message>
</context>
<context>
    <name>TargetForm</name>
    <message>
        <source>dagar</source>
        <extracomment>Measures given as a share from 0 to 1 (shown as a percentage in the sentence). Measures whose figure is not a number of things but a value of its own (read &quot;X: at most 2&quot;).</extracomment>
        <translation>days</translation>
    </message>
    <message>
        <source>dag</source>
        <translation>day</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>%1: %2 %3 %4</source>
        <translation>%1: %2 %3 %4</translation>
    </message>
    <message>
        <source>antal</source>
        <translation>number of</translation>
    </message>
    <message>
        <source>%1 %2 %3 %4</source>
        <translation>%1 %2 %3 %4</translation>
    </message>
    <message>
        <source>Mål</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Löfte:</source>
        <translation>Promise:</translation>
    </message>
    <message>
        <source>Mått:</source>
        <translation>Measure:</translation>
    </message>
    <message>
        <source>Jämförelse:</source>
        <translation>Comparison:</translation>
    </message>
    <message>
        <source>Värde:</source>
        <translation>Value:</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>Används bara för måttet kommunal kontakt inom N dagar (SMADIT: 1 dygn).</source>
        <translation>Used only for the measure municipal contact within N days (SMADIT: 24 hours).</translation>
    </message>
    <message>
        <source>Antal dagar (N):</source>
        <translation>Number of days (N):</translation>
    </message>
    <message>
        <source>Varför målet är satt så, om det behövs</source>
        <translation>Why the target is set like this, if needed</translation>
    </message>
    <message>
        <source>Beskrivning:</source>
        <translation>Description:</translation>
    </message>
    <message>
        <source>Målet i klartext:</source>
        <translation>The target in plain words:</translation>
    </message>
    <message>
        <source>En andel: ett tal mellan 0 och 1 (0,8 betyder 80 procent).</source>
        <translation>A share: a number between 0 and 1 (0,8 means 80 per cent).</translation>
    </message>
</context>
<context>
    <name>TargetRow</name>
    <message>
        <source>%1 av %2 %3</source>
        <extracomment>(symbol, colour) of each status: the symbol and the words carry the meaning, the colour only repeats it (never colour alone).</extracomment>
        <translation>%1 of %2 %3</translation>
    </message>
</context>
<context>
    <name>TimeField</name>
    <message>
        <source>TT:MM</source>
        <translation>HH:MM</translation>
    </message>
    <message>
        <source>Skriv tiden (21:00, 2100 eller 21). Upp/ned: en timme eller en minut.</source>
        <translation>Type the time (21:00, 2100 or 21). Up/down: an hour or a minute.</translation>
    </message>
</context>
<context>
    <name>UncaughtErrors</name>
    <message>
        <source>Felet är beskrivet i loggfilen %1.</source>
        <translation>The error is described in the log file %1.</translation>
    </message>
    <message>
        <source>Loggfilen kunde inte skrivas.</source>
        <translation>The log file could not be written.</translation>
    </message>
    <message>
        <source>Ett oväntat fel inträffade i Löften. Det du redan har sparat finns kvar; det som inte var sparat kan behöva göras om.</source>
        <translation>An unexpected error occurred in Löften. What you have already saved is kept; what was not saved may need to be done again.</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Välkommen till Löften</source>
        <translation>Welcome to Löften</translation>
    </message>
    <message>
        <source>Ange ditt namn och din organisation. De sparas med varje ändring du gör, så att det syns vem som har fört in vad.</source>
        <translation>Enter your name and your organisation. They are saved with every change you make, so that it shows who entered what.</translation>
    </message>
    <message>
        <source>Ditt namn</source>
        <translation>Your name</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>– välj –</source>
        <translation>– choose –</translation>
    </message>
    <message>
        <source>Namn:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Organisation:</source>
        <translation>Organisation:</translation>
    </message>
    <message>
        <source>Skriv ditt namn (eller din roll) för att fortsätta.</source>
        <translation>Enter your name (or your role) to continue.</translation>
    </message>
    <message>
        <source>Välj din organisation.</source>
        <translation>Choose your organisation.</translation>
    </message>
</context>
<context>
    <name>VolunteerDeploymentForm</name>
    <message>
        <source>Polisvolontärer</source>
        <translation>Police volunteers</translation>
    </message>
    <message>
        <source>Tid:</source>
        <translation>Time:</translation>
    </message>
    <message>
        <source>Antal volontärer</source>
        <translation>Number of volunteers</translation>
    </message>
    <message>
        <source>Volontärerna anges bara som antal – skriv aldrig deras namn.</source>
        <translation>Volunteers are entered only as a number – never write their names.</translation>
    </message>
    <message>
        <source>Ange annat antal timmar</source>
        <translation>Enter a different number of hours</translation>
    </message>
    <message>
        <source>Ange annat antal volontärtimmar</source>
        <translation>Enter a different number of volunteer hours</translation>
    </message>
    <message>
        <source>Volontärtimmar, angivet antal</source>
        <translation>Volunteer hours, number entered</translation>
    </message>
    <message>
        <source>kommunen</source>
        <translation>the municipality</translation>
    </message>
    <message>
        <source>I samråd med kommunen</source>
        <translation>In consultation with the municipality</translation>
    </message>
    <message>
        <source>näringslivet</source>
        <translation>local business</translation>
    </message>
    <message>
        <source>I samråd med näringslivet</source>
        <translation>In consultation with local business</translation>
    </message>
    <message>
        <source>I samråd med:</source>
        <translation>In consultation with:</translation>
    </message>
    <message>
        <source>Hela tiden för insatsen: planering, genomförande och uppföljning.</source>
        <translation>All the time spent on the deployment: planning, carrying out and follow-up.</translation>
    </message>
    <message>
        <source>Inga namn och inga personnummer.</source>
        <translation>No names and no personal identity numbers.</translation>
    </message>
    <message>
        <source>Räknas när start- och sluttid är angivna.</source>
        <translation>Calculated once the start and end times are set.</translation>
    </message>
    <message>
        <source>1 volontär × %2 = %3 volontärtimmar</source>
        <translation>1 volunteer × %2 = %3 volunteer hours</translation>
    </message>
    <message>
        <source>%1 volontärer × %2 = %3 volontärtimmar</source>
        <translation>%1 volunteers × %2 = %3 volunteer hours</translation>
    </message>
    <message>
        <source>(ersätts av antalet du anger)</source>
        <translation>(replaced by the number you enter)</translation>
    </message>
</context>
<context>
    <name>_OptionalTime</name>
    <message>
        <source>Bocka ur om tiden inte är bestämd</source>
        <extracomment>Characters a promise or place combo needs at least; longer names are cut in a narrow window.</extracomment>
        <translation>Untick if the time is not decided</translation>
    </message>
    <message>
        <source>%1 angiven</source>
        <translation>%1 set</translation>
    </message>
</context>
<context>
    <name>background</name>
    <message>
        <source>Ett oväntat fel inträffade. Försök igen; om felet kvarstår, kontakta supporten.</source>
        <translation>An unexpected error occurred. Try again; if the error persists, contact support.</translation>
    </message>
</context>
<context>
    <name>enums</name>
    <message>
        <source>Polisen</source>
        <translation>Police</translation>
    </message>
    <message>
        <source>Kommunen</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Annan</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Polisen och kommunen</source>
        <translation>Police and municipality</translation>
    </message>
    <message>
        <source>Polisiär närvaro och butiksbesök</source>
        <translation>Police presence and shop visits</translation>
    </message>
    <message>
        <source>Trygghetsvandring</source>
        <translation>Safety walk</translation>
    </message>
    <message>
        <source>Polisvolontärer</source>
        <translation>Police volunteers</translation>
    </message>
    <message>
        <source>Narkotika</source>
        <translation>Drugs</translation>
    </message>
    <message>
        <source>Övrig aktivitet</source>
        <translation>Other activity</translation>
    </message>
    <message>
        <source>Grannsamverkan</source>
        <translation>Neighbourhood watch</translation>
    </message>
    <message>
        <source>till fots</source>
        <translation>on foot</translation>
    </message>
    <message>
        <source>bil</source>
        <translation>car</translation>
    </message>
    <message>
        <source>cykel</source>
        <translation>bicycle</translation>
    </message>
    <message>
        <source>annat</source>
        <translation>other</translation>
    </message>
    <message>
        <source>planerad</source>
        <translation>planned</translation>
    </message>
    <message>
        <source>genomförd</source>
        <translation>completed</translation>
    </message>
    <message>
        <source>inställd</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>dagsljus</source>
        <translation>daylight</translation>
    </message>
    <message>
        <source>mörker</source>
        <translation>dark</translation>
    </message>
    <message>
        <source>kommunen</source>
        <translation>municipality</translation>
    </message>
    <message>
        <source>polisen</source>
        <translation>police</translation>
    </message>
    <message>
        <source>fastighetsägare</source>
        <translation>property owners</translation>
    </message>
    <message>
        <source>näringsliv</source>
        <translation>business</translation>
    </message>
    <message>
        <source>föreningar</source>
        <translation>associations</translation>
    </message>
    <message>
        <source>boende/medborgare</source>
        <translation>residents/citizens</translation>
    </message>
    <message>
        <source>politiker</source>
        <translation>politicians</translation>
    </message>
    <message>
        <source>övriga</source>
        <translation>others</translation>
    </message>
    <message>
        <source>belysning</source>
        <translation>lighting</translation>
    </message>
    <message>
        <source>vegetation/skymd sikt</source>
        <translation>vegetation/blocked view</translation>
    </message>
    <message>
        <source>klotter och skadegörelse</source>
        <translation>graffiti and vandalism</translation>
    </message>
    <message>
        <source>nedskräpning</source>
        <translation>litter</translation>
    </message>
    <message>
        <source>gångväg och trafik</source>
        <translation>footpaths and traffic</translation>
    </message>
    <message>
        <source>öde plats/folkliv</source>
        <translation>deserted place/street life</translation>
    </message>
    <message>
        <source>synligt missbruk</source>
        <translation>visible drug use</translation>
    </message>
    <message>
        <source>positivt – bevara</source>
        <translation>positive – keep</translation>
    </message>
    <message>
        <source>kommunal förvaltning</source>
        <translation>municipal department</translation>
    </message>
    <message>
        <source>Trafikverket</source>
        <translation>Swedish Transport Administration</translation>
    </message>
    <message>
        <source>annan</source>
        <translation>other</translation>
    </message>
    <message>
        <source>hög</source>
        <translation>high</translation>
    </message>
    <message>
        <source>medel</source>
        <translation>medium</translation>
    </message>
    <message>
        <source>låg</source>
        <translation>low</translation>
    </message>
    <message>
        <source>öppen</source>
        <translation>open</translation>
    </message>
    <message>
        <source>pågående</source>
        <translation>in progress</translation>
    </message>
    <message>
        <source>åtgärdad</source>
        <translation>done</translation>
    </message>
    <message>
        <source>avslagen</source>
        <translation>rejected</translation>
    </message>
    <message>
        <source>närvaro/nattvandring</source>
        <translation>presence/night walk</translation>
    </message>
    <message>
        <source>evenemang</source>
        <translation>event</translation>
    </message>
    <message>
        <source>information</source>
        <translation>information</translation>
    </message>
    <message>
        <source>brottsofferstöd</source>
        <translation>victim support</translation>
    </message>
    <message>
        <source>under 18 år</source>
        <translation>under 18</translation>
    </message>
    <message>
        <source>18–25 år</source>
        <translation>18–25</translation>
    </message>
    <message>
        <source>26 år och äldre</source>
        <translation>26 and older</translation>
    </message>
    <message>
        <source>eget bruk</source>
        <translation>personal use</translation>
    </message>
    <message>
        <source>innehav</source>
        <translation>possession</translation>
    </message>
    <message>
        <source>överlåtelse/försäljning</source>
        <translation>supply/sale</translation>
    </message>
    <message>
        <source>narkotika i trafiken</source>
        <translation>drug driving</translation>
    </message>
    <message>
        <source>kontroll</source>
        <translation>check</translation>
    </message>
    <message>
        <source>spaning</source>
        <translation>surveillance</translation>
    </message>
    <message>
        <source>tips</source>
        <translation>tip-off</translation>
    </message>
    <message>
        <source>under utredning</source>
        <translation>under investigation</translation>
    </message>
    <message>
        <source>rapport/anmälan</source>
        <translation>reported</translation>
    </message>
    <message>
        <source>strafföreläggande</source>
        <translation>summary fine</translation>
    </message>
    <message>
        <source>åtal</source>
        <translation>prosecuted</translation>
    </message>
    <message>
        <source>nedlagd</source>
        <translation>discontinued</translation>
    </message>
    <message>
        <source>orosanmälan</source>
        <translation>report of concern</translation>
    </message>
    <message>
        <source>underrättelse</source>
        <translation>notification</translation>
    </message>
    <message>
        <source>erbjudande om kontakt</source>
        <translation>offer of contact</translation>
    </message>
    <message>
        <source>samtal</source>
        <translation>support talk</translation>
    </message>
    <message>
        <source>öppenvård</source>
        <translation>outpatient care</translation>
    </message>
    <message>
        <source>SSPF-insats</source>
        <translation>SSPF intervention</translation>
    </message>
    <message>
        <source>behandling</source>
        <translation>treatment</translation>
    </message>
    <message>
        <source>inget</source>
        <translation>none</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>nej</source>
        <translation>no</translation>
    </message>
    <message>
        <source>okänt</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>avslutad</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>träff</source>
        <translation>meeting</translation>
    </message>
    <message>
        <source>informationskväll</source>
        <translation>information evening</translation>
    </message>
    <message>
        <source>minst</source>
        <translation>at least</translation>
    </message>
    <message>
        <source>högst</source>
        <translation>at most</translation>
    </message>
    <message>
        <source>per kvartal</source>
        <translation>per quarter</translation>
    </message>
    <message>
        <source>per år</source>
        <translation>per year</translation>
    </message>
    <message>
        <source>under hela överenskommelsen</source>
        <translation>over the whole agreement</translation>
    </message>
    <message>
        <source>antal aktiviteter</source>
        <translation>number of activities</translation>
    </message>
    <message>
        <source>genomförda trygghetsvandringar</source>
        <translation>completed safety walks</translation>
    </message>
    <message>
        <source>butiksbesök</source>
        <translation>shop visits</translation>
    </message>
    <message>
        <source>timmar polisiär närvaro</source>
        <translation>hours of police presence</translation>
    </message>
    <message>
        <source>timmar polisiär närvaro kväll och natt</source>
        <translation>hours of police presence in the evening and at night</translation>
    </message>
    <message>
        <source>volontärinsatser</source>
        <translation>volunteer deployments</translation>
    </message>
    <message>
        <source>volontärtimmar</source>
        <translation>volunteer hours</translation>
    </message>
    <message>
        <source>andel insatser i samråd med kommunen</source>
        <translation>share of deployments in consultation with the municipality</translation>
    </message>
    <message>
        <source>andel insatser i samråd med näringslivet</source>
        <translation>share of deployments in consultation with local business</translation>
    </message>
    <message>
        <source>narkotikaärenden</source>
        <translation>drug cases</translation>
    </message>
    <message>
        <source>andel ärenden där kommunen underrättats</source>
        <translation>share of cases where the municipality was notified</translation>
    </message>
    <message>
        <source>andel ärenden med kommunal kontakt inom N dagar</source>
        <translation>share of cases with municipal contact within N days</translation>
    </message>
    <message>
        <source>mediantid till kommunal kontakt (dagar)</source>
        <translation>median time to municipal contact (days)</translation>
    </message>
    <message>
        <source>öppna åtgärder</source>
        <translation>open actions</translation>
    </message>
    <message>
        <source>försenade åtgärder</source>
        <translation>overdue actions</translation>
    </message>
    <message>
        <source>andel åtgärder klara i tid</source>
        <translation>share of actions done on time</translation>
    </message>
    <message>
        <source>nedlagda timmar</source>
        <translation>hours spent</translation>
    </message>
    <message>
        <source>nådda hushåll i grannsamverkan</source>
        <translation>households reached by neighbourhood watch</translation>
    </message>
    <message>
        <source>nya grannsamverkansgrupper</source>
        <translation>new neighbourhood watch groups</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Mappen {folder} finns inte. Välj en befintlig mapp.</source>
        <translation>The folder {folder} does not exist. Choose an existing folder.</translation>
    </message>
    <message>
        <source>{folder} är inte en mapp.</source>
        <translation>{folder} is not a folder.</translation>
    </message>
    <message>
        <source>Du får inte skriva i mappen {folder}. Välj en annan mapp.</source>
        <translation>You may not write in the folder {folder}. Choose another folder.</translation>
    </message>
    <message>
        <source>{out} är en mapp. Ange ett filnamn, t.ex. {out2}.</source>
        <translation>{out} is a folder. Give a file name, e.g. {out2}.</translation>
    </message>
    <message>
        <source>Filen {out} är skrivskyddad. Välj ett annat filnamn.</source>
        <translation>The file {out} is write-protected. Choose another file name.</translation>
    </message>
    <message>
        <source>Mappen {folder} finns inte, så ändringsloggen skrevs inte. Välj en befintlig mapp.</source>
        <translation>The folder {folder} does not exist, so the change log was not written. Choose an existing folder.</translation>
    </message>
    <message>
        <source>{target} är en mapp. Ange ett filnamn, t.ex. {target2}.</source>
        <translation>{target} is a folder. Give a file name, e.g. {target2}.</translation>
    </message>
    <message>
        <source>{what} Inget har ändrats. ({detail})</source>
        <translation>{what} Nothing has been changed. ({detail})</translation>
    </message>
    <message>
        <source>Säkerhetskopian kan inte skrivas över själva databasfilen.</source>
        <translation>The backup cannot be written over the database file itself.</translation>
    </message>
    <message>
        <source>Filen {file} finns inte. Inget har ändrats.</source>
        <translation>The file {file} does not exist. Nothing has been changed.</translation>
    </message>
    <message>
        <source>Filen {file} är inte en hel databas (den är skadad eller av fel sort), så den återställdes inte. Inget har ändrats. Välj en annan säkerhetskopia.</source>
        <translation>The file {file} is not a whole database (it is damaged or of the wrong kind), so it was not restored. Nothing has been changed. Choose another backup.</translation>
    </message>
    <message>
        <source>Filen {file} är inte en Löften-databas, så den återställdes inte. Inget har ändrats.</source>
        <translation>The file {file} is not a Löften database, so it was not restored. Nothing has been changed.</translation>
    </message>
    <message>
        <source>Säkerhetskopian {file} är gjord av en nyare version av Löften och kan inte återställas med den här versionen. Inget har ändrats. Uppdatera Löften.</source>
        <translation>The backup {file} was made by a newer version of Löften and cannot be restored with this version. Nothing has been changed. Update Löften.</translation>
    </message>
    <message>
        <source>Säkerhetskopian {file} har trasiga kopplingar mellan poster och återställdes inte. Inget har ändrats. Välj en annan säkerhetskopia.</source>
        <translation>The backup {file} has broken links between records and was not restored. Nothing has been changed. Choose another backup.</translation>
    </message>
    <message>
        <source>Databasen kan inte återställas från sig själv. Välj en säkerhetskopia.</source>
        <translation>The database cannot be restored from itself. Choose a backup.</translation>
    </message>
    <message>
        <source>filen {path} finns inte</source>
        <translation>the file {path} does not exist</translation>
    </message>
    <message>
        <source>Databasfilen {path} är skrivskyddad och behöver uppgraderas till den här versionen av Löften, vilket kräver att den kan skrivas. Inget har ändrats. Be den som äger filen att göra den skrivbar, eller arbeta i en kopia.</source>
        <translation>The database file {path} is write-protected and needs to be upgraded to this version of Löften, which requires that it can be written. Nothing has been changed. Ask the owner of the file to make it writable, or work in a copy.</translation>
    </message>
    <message>
        <source>Databasfilen {path} är skrivskyddad och har inte den här versionen av Löftens schema. Inget har ändrats.</source>
        <translation>The database file {path} is write-protected and does not have this version of Löften&apos;s schema. Nothing has been changed.</translation>
    </message>
    <message>
        <source>Databasen behöver uppgraderas, men säkerhetskopian före uppgraderingen kunde inte skrivas ({error}). Inget har ändrats. Frigör utrymme eller kontrollera behörigheterna för mappen och försök igen.</source>
        <translation>The database needs to be upgraded, but the backup before the upgrade could not be written ({error}). Nothing has been changed. Free some space or check the permissions of the folder and try again.</translation>
    </message>
    <message>
        <source>Uppgraderingen av databasen avbröts eftersom den skulle lämna trasiga kopplingar mellan poster. Inget har ändrats. Kontakta supporten.</source>
        <translation>The upgrade of the database was stopped because it would leave broken links between records. Nothing has been changed. Contact support.</translation>
    </message>
    <message>
        <source>Filen {path} är inte en Löften-databas. Den har inte ändrats. Välj en annan fil, eller ange ett nytt filnamn för att skapa en ny databas.</source>
        <translation>The file {path} is not a Löften database. It has not been changed. Choose another file, or give a new file name to create a new database.</translation>
    </message>
    <message>
        <source>Databasen {path} är skapad av en nyare version av Löften (databasversion {found}; den här versionen klarar till och med {supported}). Filen har inte ändrats. Uppdatera Löften för att öppna den.</source>
        <translation>The database {path} was created by a newer version of Löften (database version {found}; this version handles up to {supported}). The file has not been changed. Update Löften to open it.</translation>
    </message>
    <message>
        <source>Databasen används just nu av ett annat Löften-fönster eller program och kunde inte låsas inom några sekunder. Inget har sparats. Försök igen om en stund.</source>
        <translation>The database is being used right now by another Löften window or program and could not be locked within a few seconds. Nothing has been saved. Try again in a moment.</translation>
    </message>
    <message>
        <source>Disken är full, så inget kunde sparas. Inget har ändrats. Frigör utrymme och försök igen.</source>
        <translation>The disk is full, so nothing could be saved. Nothing has been changed. Free some space and try again.</translation>
    </message>
    <message>
        <source>Databasfilen går inte att skriva till (skrivskyddad fil eller mapp). Inget har sparats. Kontrollera behörigheterna eller välj en annan fil.</source>
        <translation>The database file cannot be written to (a write-protected file or folder). Nothing has been saved. Check the permissions or choose another file.</translation>
    </message>
    <message>
        <source>Databasfilen kunde inte läsas eller skrivas ({detail}). Inget har ändrats. Kontrollera att disken är ansluten och att filen finns kvar.</source>
        <translation>The database file could not be read or written ({detail}). Nothing has been changed. Check that the disk is connected and that the file is still there.</translation>
    </message>
    <message>
        <source>Posten hänvisar till en plats, butik, ett löfte eller en annan post som inte finns (längre). Inget har sparats. Välj en annan i listan och spara igen.</source>
        <translation>The record refers to a place, shop, promise or another record that does not exist (any more). Nothing has been saved. Choose another one in the list and save again.</translation>
    </message>
    <message>
        <source>Det finns redan en post med samma nummer eller kod. Inget har sparats. Ändra numret eller koden och spara igen.</source>
        <translation>There is already a record with the same number or code. Nothing has been saved. Change the number or the code and save again.</translation>
    </message>
    <message>
        <source>Databasen har ingen överenskommelse att göra en rapport om. Skapa en först (Register, eller loften new).</source>
        <translation>The database has no agreement to report on. Create one first (Registers, or loften new).</translation>
    </message>
    <message>
        <source>Ett utdrag (--fragment) finns bara för HTML. Välj --format html.</source>
        <translation>A fragment (--fragment) exists only for HTML. Choose --format html.</translation>
    </message>
    <message>
        <source>Ange en fil som slutar på .xlsx, inte {name}.</source>
        <translation>Give a file whose name ends in .xlsx, not {name}.</translation>
    </message>
    <message>
        <source>{path} är en fil. Ange en mapp för CSV-filerna.</source>
        <translation>{path} is a file. Give a folder for the CSV files.</translation>
    </message>
    <message>
        <source>Kan inte skapa mappen {path}: {reason}.</source>
        <translation>Cannot create the folder {path}: {reason}.</translation>
    </message>
    <message>
        <source>{sheet}, rad {row}, kolumn {column}: {message}</source>
        <translation>{sheet}, row {row}, column {column}: {message}</translation>
    </message>
    <message>
        <source>{sheet}, rad {row}: {message}</source>
        <translation>{sheet}, row {row}: {message}</translation>
    </message>
    <message>
        <source>Okänd kolumn. Bladets kolumner heter som i exporten: {known}.</source>
        <translation>Unknown column. The sheet&apos;s columns are named as in the export: {known}.</translation>
    </message>
    <message>
        <source>Fyll i butikens namn.</source>
        <translation>Fill in the shop&apos;s name.</translation>
    </message>
    <message>
        <source>Ingen överenskommelse gäller {day}. Lägg till eller förnya överenskommelsen (Register → Överenskommelse) och importera igen.</source>
        <translation>No agreement applies on {day}. Add or renew the agreement (Registers → Agreement) and import again.</translation>
    </message>
    <message>
        <source>vilket löfte</source>
        <translation>which promise</translation>
    </message>
    <message>
        <source>ett löfte av den här typen</source>
        <translation>a promise of this type</translation>
    </message>
    <message>
        <source>Fyll i löftets nummer: överenskommelsen «{title}» som gäller {day} behöver {what}.</source>
        <translation>Fill in the promise&apos;s number: the agreement «{title}» that applies on {day} needs {what}.</translation>
    </message>
    <message>
        <source>Överenskommelsen «{title}», som gäller {day}, har inget löfte nummer {number}.</source>
        <translation>The agreement «{title}», which applies on {day}, has no promise number {number}.</translation>
    </message>
    <message>
        <source>Löfte {number} gäller {actual}, inte {expected}.</source>
        <translation>Promise {number} is about {actual}, not {expected}.</translation>
    </message>
    <message>
        <source>Fyll i ett värde.</source>
        <translation>Fill in a value.</translation>
    </message>
    <message>
        <source>Läses inte (okänt blad eller fil): {name}</source>
        <translation>Not read (unknown sheet or file): {name}</translation>
    </message>
    <message>
        <source>Läses inte: {sheets} (importen läser {read})</source>
        <translation>Not read: {sheets} (the import reads {read})</translation>
    </message>
    <message>
        <source>Filen har {count} problem och importeras inte. Rätta dem och förhandsgranska igen.</source>
        <translation>The file has {count} problems and is not imported. Correct them and preview again.</translation>
    </message>
    <message>
        <source>Välj ett kvartal för kvartalsrapporten, t.ex. 2018-Q3.</source>
        <translation>Choose a quarter for the quarterly report, e.g. 2018-Q3.</translation>
    </message>
    <message>
        <source>{label} är inte ett kvartal. Välj ett kvartal, t.ex. 2018-Q3.</source>
        <translation>{label} is not a quarter. Choose a quarter, e.g. 2018-Q3.</translation>
    </message>
    <message>
        <source>Kvartalet {label} ligger utanför överenskommelsens period ({start} – {end}). Välj ett kvartal inom den.</source>
        <translation>The quarter {label} lies outside the agreement&apos;s period ({start} – {end}). Choose a quarter within it.</translation>
    </message>
    <message>
        <source>{path} finns inte.</source>
        <translation>{path} does not exist.</translation>
    </message>
    <message>
        <source>Filen {name} har inte något av de namn som exporten ger ({names}).</source>
        <translation>The file {name} has none of the names the export gives ({names}).</translation>
    </message>
    <message>
        <source>{name} är varken en .xlsx-fil eller en mapp med CSV-filer från Löftens export.</source>
        <translation>{name} is neither an .xlsx file nor a folder of CSV files from Löften&apos;s export.</translation>
    </message>
    <message>
        <source>Mappen {folder} har inga CSV-filer.</source>
        <translation>The folder {folder} has no CSV files.</translation>
    </message>
    <message>
        <source>{name} är inte sparad som UTF-8. Spara den som CSV UTF-8 (kommaavgränsad) i Excel och försök igen.</source>
        <translation>{name} is not saved as UTF-8. Save it as CSV UTF-8 (comma delimited) in Excel and try again.</translation>
    </message>
    <message>
        <source>Kan inte läsa {name}: {reason}.</source>
        <translation>Cannot read {name}: {reason}.</translation>
    </message>
    <message>
        <source>{name} kan inte läsas som en Excel-arbetsbok ({reason}).</source>
        <translation>{name} cannot be read as an Excel workbook ({reason}).</translation>
    </message>
    <message>
        <source>Skriv ett heltal.</source>
        <translation>Write a whole number.</translation>
    </message>
    <message>
        <source>Skriv ett heltal, inte {value}.</source>
        <translation>Write a whole number, not {value}.</translation>
    </message>
    <message>
        <source>Skriv ett tal (t.ex. 1,5), inte «{value}».</source>
        <translation>Write a number (e.g. 1,5), not «{value}».</translation>
    </message>
    <message>
        <source>Skriv datumet som ÅÅÅÅ-MM-DD (t.ex. 2026-12-01), inte «{value}».</source>
        <translation>Write the date as YYYY-MM-DD (e.g. 2026-12-01), not «{value}».</translation>
    </message>
    <message>
        <source>Skriv tiden som TT:MM (t.ex. 21:00), inte «{value}».</source>
        <translation>Write the time as HH:MM (e.g. 21:00), not «{value}».</translation>
    </message>
    <message>
        <source>Skriv ja eller nej, inte «{value}».</source>
        <translation>Write ja or nej (yes or no), not «{value}».</translation>
    </message>
    <message>
        <source>Okänt värde «{value}». Välj ett av: {choices}.</source>
        <translation>Unknown value «{value}». Choose one of: {choices}.</translation>
    </message>
    <message>
        <source>Databasen har ingen överenskommelse. Skapa en först (loften new).</source>
        <translation>The database has no agreement. Create one first (loften new).</translation>
    </message>
    <message>
        <source>Säkerhetskopian {file} har inte det innehåll som en Löften-databas av sin version ska ha, så den återställdes inte. Inget har ändrats. Välj en annan säkerhetskopia.
  {problems}</source>
        <translation>The backup {file} does not have the content a Löften database of its version should have, so it was not restored. Nothing has been changed. Choose another backup.
  {problems}</translation>
    </message>
    <message>
        <source>Ingen överenskommelse gäller {year}. Förnya överenskommelsen (loften renew) först.</source>
        <translation>No agreement applies in {year}. Renew the agreement (loften renew) first.</translation>
    </message>
    <message>
        <source>Året {year} går inte att använda för demodata. Ange ett år mellan {low} och {high}, t.ex. 2018.</source>
        <translation>The year {year} cannot be used for demo data. Give a year between {low} and {high}, e.g. 2018.</translation>
    </message>
    <message>
        <source>Skalan för demodata måste vara minst 1.</source>
        <translation>The scale of demo data must be at least 1.</translation>
    </message>
    <message>
        <source>Databasen innehåller {count} poster som inte är demodata, så inga demodata lades till (de skulle blandas med riktiga poster utan rader i ändringsloggen). Använd en ny databasfil för demodata.</source>
        <translation>The database contains {count} records that are not demo data, so no demo data was added (it would be mixed with real records without lines in the audit trail). Use a new database file for demo data.</translation>
    </message>
    <message>
        <source>Databasen innehåller redan {count} aktiviteter daterade {year}, så inga demodata lades till (de skulle blandas med eller dubblera dem). Välj ett annat år eller en ny databasfil.</source>
        <translation>The database already contains {count} activities dated {year}, so no demo data was added (it would be mixed with them or duplicate them). Choose another year or a new database file.</translation>
    </message>
    <message>
        <source>ska vara en text</source>
        <translation>must be a text</translation>
    </message>
    <message>
        <source>texten är längre än {limit} tecken</source>
        <translation>the text is longer than {limit} characters</translation>
    </message>
    <message>
        <source>texten innehåller ett nolltecken</source>
        <translation>the text contains a null character</translation>
    </message>
    <message>
        <source>ska vara ett id (UUID)</source>
        <translation>must be an id (UUID)</translation>
    </message>
    <message>
        <source>ska vara ett filnamn utan mapp</source>
        <translation>must be a file name without a folder</translation>
    </message>
    <message>
        <source>ska vara ett heltal</source>
        <translation>must be a whole number</translation>
    </message>
    <message>
        <source>ska vara ett tal</source>
        <translation>must be a number</translation>
    </message>
    <message>
        <source>talet är för stort</source>
        <translation>the number is too large</translation>
    </message>
    <message>
        <source>ska vara ett ändligt tal</source>
        <translation>must be a finite number</translation>
    </message>
    <message>
        <source>ska vara sant eller falskt</source>
        <translation>must be true or false</translation>
    </message>
    <message>
        <source>ska vara ett datum (ÅÅÅÅ-MM-DD)</source>
        <translation>must be a date (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>är inget giltigt datum</source>
        <translation>is not a valid date</translation>
    </message>
    <message>
        <source>ska vara en tid (TT:MM)</source>
        <translation>must be a time (HH:MM)</translation>
    </message>
    <message>
        <source>är ingen giltig tid</source>
        <translation>is not a valid time</translation>
    </message>
    <message>
        <source>ska vara en tidpunkt i UTC</source>
        <translation>must be a point in time in UTC</translation>
    </message>
    <message>
        <source>är ingen giltig tidpunkt</source>
        <translation>is not a valid point in time</translation>
    </message>
    <message>
        <source>har ett okänt värde</source>
        <translation>has an unknown value</translation>
    </message>
    <message>
        <source>ska vara en lista</source>
        <translation>must be a list</translation>
    </message>
    <message>
        <source>listan har fler än {limit} poster</source>
        <translation>the list has more than {limit} items</translation>
    </message>
    <message>
        <source>ska vara ett objekt</source>
        <translation>must be an object</translation>
    </message>
    <message>
        <source>okänt fält {name!r}</source>
        <translation>unknown field {name!r}</translation>
    </message>
    <message>
        <source>saknas</source>
        <translation>is missing</translation>
    </message>
    <message>
        <source>namnet är längre än 200 tecken</source>
        <translation>the name is longer than 200 characters</translation>
    </message>
    <message>
        <source>innehåller ett personnummer eller samordningsnummer</source>
        <translation>contains a personal identity number or coordination number</translation>
    </message>
    <message>
        <source>saknar {names}</source>
        <translation>lacks {names}</translation>
    </message>
    <message>
        <source>ska vara minst 1</source>
        <translation>must be at least 1</translation>
    </message>
    <message>
        <source>{where} (fältet {field}) {what}.</source>
        <translation>{where} (the field {field}) {what}.</translation>
    </message>
    <message>
        <source>{where} {what}.</source>
        <translation>{where} {what}.</translation>
    </message>
    <message>
        <source>Paketet kan inte importeras: {reason} Databasen har inte ändrats.</source>
        <translation>The package cannot be imported: {reason} The database has not been changed.</translation>
    </message>
    <message>
        <source>Databasen saknar sitt installations-id och kan inte utbyta ändringar. Kör &apos;loften check&apos; och kontakta supporten.</source>
        <translation>The database lacks its installation id and cannot exchange changes. Run &apos;loften check&apos; and contact support.</translation>
    </message>
    <message>
        <source>Partnerns namn kan inte användas. {problem}</source>
        <translation>The partner&apos;s name cannot be used. {problem}</translation>
    </message>
    <message>
        <source>paketet är exporterat från just den här databasen.</source>
        <translation>the package was exported from this very database.</translation>
    </message>
    <message>
        <source>en post hänvisar till en {noun} som varken finns här eller i paketet ({id}).</source>
        <translation>a record refers to a {noun} that exists neither here nor in the package ({id}).</translation>
    </message>
    <message>
        <source>{noun} {id} hör till ett löfte av en annan sort än {noun}.</source>
        <translation>{noun} {id} belongs to a promise of another kind than {noun}.</translation>
    </message>
    <message>
        <source>{count} poster är ändrade både här och i paketet sedan det senaste utbytet. Välj för varje konflikt vilka värden som ska gälla och importera igen. Databasen har inte ändrats.</source>
        <translation>{count} records have been changed both here and in the package since the last exchange. Choose for each conflict which values apply and import again. The database has not been changed.</translation>
    </message>
    <message>
        <source>De valda värdena för {record} går inte ihop: {problem} Välj andra värden. Databasen har inte ändrats.</source>
        <translation>The chosen values for {record} do not fit together: {problem} Choose other values. The database has not been changed.</translation>
    </message>
    <message>
        <source>fotot {name} har ändrats sedan paketet kontrollerades.</source>
        <translation>the photo {name} has changed since the package was checked.</translation>
    </message>
    <message>
        <source>Fotona kunde inte kopieras till {folder} ({reason}). Databasen har inte ändrats.</source>
        <translation>The photos could not be copied to {folder} ({reason}). The database has not been changed.</translation>
    </message>
    <message>
        <source>Paketet kunde inte skrivas till {out} ({os_reason}). Inget paket skapades. Kontrollera utrymmet på disken och mappen och försök igen.</source>
        <translation>The package could not be written to {out} ({os_reason}). No package was created. Check the space on the disk and the folder and try again.</translation>
    </message>
    <message>
        <source>Paketet {path} kunde inte läsas ({strerror}).</source>
        <translation>The package {path} could not be read ({strerror}).</translation>
    </message>
    <message>
        <source>filen är större än {megabytes} MB.</source>
        <translation>the file is larger than {megabytes} MB.</translation>
    </message>
    <message>
        <source>filen är inget giltigt Löften-paket eller är skadad ({error}).</source>
        <translation>the file is not a valid Löften package or is damaged ({error}).</translation>
    </message>
    <message>
        <source>paketet använder något som Löften inte läser ({error}).</source>
        <translation>the package uses something that Löften does not read ({error}).</translation>
    </message>
    <message>
        <source>filen är inget giltigt Löften-paket ({name}).</source>
        <translation>the file is not a valid Löften package ({name}).</translation>
    </message>
    <message>
        <source>innehållsförteckningen stämmer inte med filerna ({odd!r}).</source>
        <translation>the table of contents does not match the files ({odd!r}).</translation>
    </message>
    <message>
        <source>storleken på {name!r} stämmer inte med innehållsförteckningen.</source>
        <translation>the size of {name!r} does not match the table of contents.</translation>
    </message>
    <message>
        <source>paketet har fler än {records} poster.</source>
        <translation>the package has more than {records} records.</translation>
    </message>
    <message>
        <source>antalet poster av typen {type_name} stämmer inte.</source>
        <translation>the number of records of the type {type_name} does not match.</translation>
    </message>
    <message>
        <source>fotona är tillsammans för stora.</source>
        <translation>the photos are too large together.</translation>
    </message>
    <message>
        <source>kontrollsumman för {name!r} stämmer inte: filen är skadad.</source>
        <translation>the checksum of {name!r} does not match: the file is damaged.</translation>
    </message>
    <message>
        <source>kontrollsumman för innehållet stämmer inte: paketet är skadat.</source>
        <translation>the checksum of the contents does not match: the package is damaged.</translation>
    </message>
    <message>
        <source>innehållsförteckningen räknar poster som saknas i paketet.</source>
        <translation>the table of contents counts records that are missing from the package.</translation>
    </message>
    <message>
        <source>paketet har fler än {members} filer.</source>
        <translation>the package has more than {members} files.</translation>
    </message>
    <message>
        <source>filen {name!r} finns två gånger i paketet.</source>
        <translation>the file {name!r} appears twice in the package.</translation>
    </message>
    <message>
        <source>paketet innehåller en fil som inte hör hemma där ({name!r}).</source>
        <translation>the package contains a file that does not belong there ({name!r}).</translation>
    </message>
    <message>
        <source>paketet är krypterat.</source>
        <translation>the package is encrypted.</translation>
    </message>
    <message>
        <source>filen {name!r} är packad på ett sätt som Löften inte läser.</source>
        <translation>the file {name!r} is packed in a way that Löften does not read.</translation>
    </message>
    <message>
        <source>filen {name!r} är större än tillåtet ({megabytes} MB).</source>
        <translation>the file {name!r} is larger than allowed ({megabytes} MB).</translation>
    </message>
    <message>
        <source>filen {name!r} packas upp till orimligt mycket (en zip-bomb?).</source>
        <translation>the file {name!r} unpacks to an unreasonable size (a zip bomb?).</translation>
    </message>
    <message>
        <source>posterna är tillsammans större än tillåtet ({megabytes} MB).</source>
        <translation>the records together are larger than allowed ({megabytes} MB).</translation>
    </message>
    <message>
        <source>innehållsförteckningen (manifest.json) saknas.</source>
        <translation>the table of contents (manifest.json) is missing.</translation>
    </message>
    <message>
        <source>filen {filename!r} är större än den säger sig vara.</source>
        <translation>the file {filename!r} is larger than it claims to be.</translation>
    </message>
    <message>
        <source>filen {filename!r} är kortare än den säger sig vara.</source>
        <translation>the file {filename!r} is shorter than it claims to be.</translation>
    </message>
    <message>
        <source>{what} är inte giltig JSON.</source>
        <translation>{what} is not valid JSON.</translation>
    </message>
    <message>
        <source>filen är inget Löften-paket (innehållsförteckningen saknar formatet).</source>
        <translation>the file is not a Löften package (the table of contents lacks the format).</translation>
    </message>
    <message>
        <source>innehållsförteckningen saknar formatversion.</source>
        <translation>the table of contents lacks the format version.</translation>
    </message>
    <message>
        <source>paketet är gjort av en nyare version av Löften (format {version}). Uppdatera Löften och försök igen.</source>
        <translation>the package was made by a newer version of Löften (format {version}). Update Löften and try again.</translation>
    </message>
    <message>
        <source>formatversionen {version} är okänd.</source>
        <translation>the format version {version} is unknown.</translation>
    </message>
    <message>
        <source>innehållsförteckningen saknar databasversion.</source>
        <translation>the table of contents lacks the database version.</translation>
    </message>
    <message>
        <source>paketet är gjort av en nyare version av Löften (databasversion {schema}). Uppdatera Löften och försök igen.</source>
        <translation>the package was made by a newer version of Löften (database version {schema}). Update Löften and try again.</translation>
    </message>
    <message>
        <source>innehållsförteckningen är felaktig ({error}).</source>
        <translation>the table of contents is invalid ({error}).</translation>
    </message>
    <message>
        <source>innehållsförteckningen saknar {key}.</source>
        <translation>the table of contents lacks {key}.</translation>
    </message>
    <message>
        <source>innehållsförteckningen har ett felaktigt {key}.</source>
        <translation>the table of contents has an invalid {key}.</translation>
    </message>
    <message>
        <source>innehållsförteckningens {key} innehåller ett personnummer eller samordningsnummer.</source>
        <translation>the table of contents&apos; {key} contains a personal identity number or coordination number.</translation>
    </message>
    <message>
        <source>innehållsförteckningen saknar antalet poster.</source>
        <translation>the table of contents lacks the number of records.</translation>
    </message>
    <message>
        <source>innehållsförteckningen räknar en okänd sorts post ({key!r}).</source>
        <translation>the table of contents counts an unknown kind of record ({key!r}).</translation>
    </message>
    <message>
        <source>innehållsförteckningen har ett negativt antal poster.</source>
        <translation>the table of contents has a negative number of records.</translation>
    </message>
    <message>
        <source>innehållsförteckningen saknar kontrollsumman.</source>
        <translation>the table of contents lacks the checksum.</translation>
    </message>
    <message>
        <source>innehållsförteckningen saknar fillistan.</source>
        <translation>the table of contents lacks the list of files.</translation>
    </message>
    <message>
        <source>fillistan är felaktig för {name!r}.</source>
        <translation>the list of files is invalid for {name!r}.</translation>
    </message>
    <message>
        <source>storleken på {name!r} är felaktig.</source>
        <translation>the size of {name!r} is invalid.</translation>
    </message>
    <message>
        <source>{noun} nr {number}</source>
        <translation>{noun} no. {number}</translation>
    </message>
    <message>
        <source>{where} ({id}) följer inte reglerna: {message}</source>
        <translation>{where} ({id}) does not follow the rules: {message}</translation>
    </message>
    <message>
        <source>{what} är ingen lista.</source>
        <translation>{what} is not a list.</translation>
    </message>
    <message>
        <source>{where} har ett butiksbesök utan id.</source>
        <translation>{where} has a shop visit without an id.</translation>
    </message>
    <message>
        <source>{where} har en iakttagelse eller åtgärd utan id.</source>
        <translation>{where} has an observation or action without an id.</translation>
    </message>
    <message>
        <source>ärendekoden {code} finns två gånger i paketet.</source>
        <translation>the case code {code} appears twice in the package.</translation>
    </message>
    <message>
        <source>posten {id} ({name}) finns två gånger i paketet.</source>
        <translation>the record {id} ({name}) appears twice in the package.</translation>
    </message>
    <message>
        <source>id {child} används två gånger i paketet.</source>
        <translation>the id {child} is used twice in the package.</translation>
    </message>
    <message>
        <source>Installationens signeringsnyckel {path} kunde inte läsas ({strerror}).</source>
        <translation>This installation&apos;s signing key {path} could not be read ({strerror}).</translation>
    </message>
    <message>
        <source>Filen {path} är ingen signeringsnyckel för Löften.</source>
        <translation>The file {path} is not a signing key for Löften.</translation>
    </message>
    <message>
        <source>filen är inget giltigt Löften-paket.</source>
        <translation>the file is not a valid Löften package.</translation>
    </message>
    <message>
        <source>signaturen stämmer inte: paketet har ändrats efter att det skapades, eller är skadat. Be avsändaren om ett nytt paket.</source>
        <translation>the signature does not match: the package has been changed since it was created, or is damaged. Ask the sender for a new package.</translation>
    </message>
    <message>
        <source>paketet är inte signerat. Bara signerade paket från en parad installation kan importeras; be avsändaren exportera på nytt med en aktuell version av Löften.</source>
        <translation>the package is not signed. Only signed packages from a paired installation can be imported; ask the sender to export again with a current version of Löften.</translation>
    </message>
    <message>
        <source>innehållsförteckningen är för stor.</source>
        <translation>the table of contents is too large.</translation>
    </message>
    <message>
        <source>innehållsförteckningen är inte giltig JSON.</source>
        <translation>the table of contents is not valid JSON.</translation>
    </message>
    <message>
        <source>paketets avsändare är felaktigt angiven.</source>
        <translation>the package&apos;s sender is given incorrectly.</translation>
    </message>
    <message>
        <source>Avsändarens namn kan inte sparas. {problem}</source>
        <translation>The sender&apos;s name cannot be saved. {problem}</translation>
    </message>
    <message>
        <source>Databasen har redan en överenskommelse. Börja från ett paket bara i en ny, tom fil; importera annars paketet som vanligt (Importera ändringar).</source>
        <translation>The database already has an agreement. Start from a package only in a new, empty file; otherwise import the package as usual (Import changes).</translation>
    </message>
    <message>
        <source>Paketet innehåller ingen överenskommelse, så det går inte att börja från det. Be den andra organisationen exportera alla ändringar (utan startdatum) och försök igen.</source>
        <translation>The package contains no agreement, so it is not possible to start from it. Ask the other organisation to export all changes (without a start date) and try again.</translation>
    </message>
    <message>
        <source>Fingeravtrycket {trust} stämmer inte med paketets ({fingerprint}). Installationen paras inte och databasen har inte ändrats.</source>
        <translation>The fingerprint {trust} does not match the package&apos;s ({fingerprint}). The installation is not paired and the database has not been changed.</translation>
    </message>
    <message>
        <source>paketet är signerat med en annan nyckel ({fingerprint}) än den som parades för installationen ({fingerprint2}). Det kan vara förfalskat. Om avsändaren har installerat om Löften: ta bort parningen (loften exchange partners --revoke) och para på nytt efter att ha jämfört fingeravtrycket.</source>
        <translation>the package is signed with another key ({fingerprint}) than the one paired for the installation ({fingerprint2}). It may be forged. If the sender has reinstalled Löften: remove the pairing (loften exchange partners --revoke) and pair again after comparing the fingerprint.</translation>
    </message>
    <message>
        <source>paketets installation är inte den som signerade det.</source>
        <translation>the package&apos;s installation is not the one that signed it.</translation>
    </message>
    <message>
        <source>paketet säger sig vara skapat {created_at:%Y-%m-%d %H:%M} UTC, senare än nu. Kontrollera klockan på den dator som skapade det.</source>
        <translation>the package claims to have been created {created_at:%Y-%m-%d %H:%M} UTC, later than now. Check the clock of the computer that created it.</translation>
    </message>
    <message>
        <source>en post ({type_name} {id}) har en orimlig version.</source>
        <translation>a record ({type_name} {id}) has an unreasonable version.</translation>
    </message>
    <message>
        <source>en post ({type_name} {id}) är ändrad {moment:%Y-%m-%d %H:%M} UTC, senare än paketet skapades eller än nu. Kontrollera klockan på den dator som skapade paketet.</source>
        <translation>a record ({type_name} {id}) was changed {moment:%Y-%m-%d %H:%M} UTC, later than the package was created or than now. Check the clock of the computer that created the package.</translation>
    </message>
    <message>
        <source>Filen {target} kunde inte skrivas ({os_reason}). Ingen fil skapades.</source>
        <translation>The file {target} could not be written ({os_reason}). No file was created.</translation>
    </message>
    <message>
        <source>Filen {target} kunde inte skrivas ({error}). Ingen fil skapades.</source>
        <translation>The file {target} could not be written ({error}). No file was created.</translation>
    </message>
    <message>
        <source>{out} är själva databasfilen (eller en av dess hjälpfiler) och kan inte skrivas över. Välj ett annat filnamn. Inget har ändrats.</source>
        <translation>{out} is the database file itself (or one of its helper files) and cannot be written over. Choose another file name. Nothing has been changed.</translation>
    </message>
    <message>
        <source>{out} ligger i databasens mapp för säkerhetskopior, som bara Löften skriver i. Välj en annan mapp. Inget har ändrats.</source>
        <translation>{out} is in the database&apos;s folder for backups, which only Löften writes in. Choose another folder. Nothing has been changed.</translation>
    </message>
    <message>
        <source>{out} är samma fil som databasen och kan inte skrivas över. Välj ett annat filnamn. Inget har ändrats.</source>
        <translation>{out} is the same file as the database and cannot be written over. Choose another file name. Nothing has been changed.</translation>
    </message>
    <message>
        <source>Databasen har ändrats sedan förhandsgranskningen: en del av posterna finns redan. Ingenting har importerats. Förhandsgranska filen igen.</source>
        <translation>The database has changed since the preview: some of the records already exist. Nothing has been imported. Preview the file again.</translation>
    </message>
    <message>
        <source>Grannsamverkansträffen</source>
        <translation>The neighbourhood watch meeting</translation>
    </message>
    <message>
        <source>PostgreSQL:s klientprogram (pg_dump och pg_restore) saknas på den här datorn. Installera dem (Debian/Ubuntu: sudo apt-get install postgresql-client; Windows: PostgreSQL:s installationsprogram, bara kommandoradsverktygen) och försök igen. Inget har ändrats.</source>
        <translation>PostgreSQL&apos;s client programs (pg_dump and pg_restore) are missing on this computer. Install them (Debian/Ubuntu: sudo apt-get install postgresql-client; Windows: PostgreSQL&apos;s installer, the command line tools only) and try again. Nothing has been changed.</translation>
    </message>
    <message>
        <source>{program} misslyckades ({output}). Inget har ändrats.</source>
        <translation>{program} failed ({output}). Nothing has been changed.</translation>
    </message>
    <message>
        <source>Säkerhetskopian {path} finns inte. Inget har ändrats.</source>
        <translation>The backup {path} does not exist. Nothing has been changed.</translation>
    </message>
    <message>
        <source>Databasen {url} är inte tom, så säkerhetskopian återställdes inte dit (den skulle blandas med det som finns). Inget har ändrats. Återställ till en ny, tom databas och kör sedan &apos;loften server init&apos; mot den.</source>
        <translation>The database {url} is not empty, so the backup was not restored into it (it would be mixed with what is there). Nothing has been changed. Restore into a new, empty database and then run &apos;loften server init&apos; against it.</translation>
    </message>
    <message>
        <source>Databasen {url} har inte den här versionen av Löftens schema. Inget har ändrats. Be den som administrerar servern att köra &apos;loften server init&apos;.</source>
        <translation>The database {url} does not have this version of Löften&apos;s schema. Nothing has been changed. Ask whoever administers the server to run &apos;loften server init&apos;.</translation>
    </message>
    <message>
        <source>Kommunens del av narkotikaärendet kan bara ändras av en användare från kommunen. Servern har inte sparat något.</source>
        <translation>The municipality&apos;s part of the drug case can only be changed by a user from the municipality. The server has saved nothing.</translation>
    </message>
    <message>
        <source>Polisens del av narkotikaärendet kan bara ändras av en användare från polisen. Servern har inte sparat något.</source>
        <translation>The police&apos;s part of the drug case can only be changed by a user from the police. The server has saved nothing.</translation>
    </message>
    <message>
        <source>Din användare på servern har inte rätt att göra detta, så inget har sparats. Be den som administrerar servern om behörighet.</source>
        <translation>Your user on the server is not allowed to do this, so nothing has been saved. Ask whoever administers the server for permission.</translation>
    </message>
    <message>
        <source>Ändringsloggen kan inte ändras, bara läsas. Inget har ändrats.</source>
        <translation>The audit trail cannot be changed, only read. Nothing has been changed.</translation>
    </message>
    <message>
        <source>Servern godtog inte inloggningen (fel användarnamn eller lösenord). Inget har ändrats. Kontrollera uppgifterna och försök igen.</source>
        <translation>The server did not accept the login (wrong user name or password). Nothing has been changed. Check the details and try again.</translation>
    </message>
    <message>
        <source>Din användare har inte rätt att ansluta till databasen på servern. Inget har ändrats. Be den som administrerar servern om behörighet (loften server add-user).</source>
        <translation>Your user may not connect to the database on the server. Nothing has been changed. Ask whoever administers the server for access (loften server add-user).</translation>
    </message>
    <message>
        <source>Databasen eller användaren finns inte på servern ({reason}). Kontrollera adressen.</source>
        <translation>The database or the user does not exist on the server ({reason}). Check the address.</translation>
    </message>
    <message>
        <source>Det gick inte att nå databasservern (servern är nere eller nätverket borta). Inget har sparats; det du skrivit finns kvar. Försök igen om en stund.</source>
        <translation>The database server could not be reached (the server is down or the network is gone). Nothing has been saved; what you wrote is still there. Try again in a while.</translation>
    </message>
    <message>
        <source>Löften kan inte följa ändringar på servern {url} ({reason}). Listorna uppdateras när du själv sparar eller öppnar dem igen.</source>
        <translation>Löften cannot follow changes on the server {url} ({reason}). The lists are updated when you save or open them again yourself.</translation>
    </message>
    <message>
        <source>Okänd organisation {organisation!r}: ange police, municipality eller reader.</source>
        <translation>Unknown organisation {organisation!r}: give police, municipality or reader.</translation>
    </message>
    <message>
        <source>Användarnamnet {name!r} går inte att använda: små bokstäver a–z, siffror, punkt, bindestreck och understreck, och det ska börja med en bokstav.</source>
        <translation>The user name {name!r} cannot be used: lower-case letters a–z, digits, full stop, hyphen and underscore, and it must begin with a letter.</translation>
    </message>
    <message>
        <source>Användaren {name} finns redan på servern. Inget har ändrats.</source>
        <translation>The user {name} already exists on the server. Nothing has been changed.</translation>
    </message>
    <message>
        <source>Patrullen</source>
        <translation>The patrol</translation>
    </message>
    <message>
        <source>Trygghetsvandringen</source>
        <translation>The safety walk</translation>
    </message>
    <message>
        <source>Volontärinsatsen</source>
        <translation>The volunteer deployment</translation>
    </message>
    <message>
        <source>Ärendet</source>
        <translation>The case</translation>
    </message>
    <message>
        <source>Aktiviteten</source>
        <translation>The activity</translation>
    </message>
    <message>
        <source>{noun} är borttagen och kan inte ändras. Återställ den först.</source>
        <translation>{noun} has been deleted and cannot be changed. Restore it first.</translation>
    </message>
    <message>
        <source>{noun} har ändrats av {who} ({when}) sedan du öppnade den. Dina ändringar är inte sparade: läs in den nya versionen eller spara dina värden ovanpå den.</source>
        <translation>{noun} has been changed by {who} ({when}) since you opened it. Your changes are not saved: load the new version or save your values over it.</translation>
    </message>
    <message>
        <source>{noun} finns inte (längre) i databasen.</source>
        <translation>{noun} is not in the database (any more).</translation>
    </message>
    <message>
        <source>{noun} finns inte i databasen.</source>
        <translation>{noun} is not in the database.</translation>
    </message>
    <message>
        <source>Överenskommelsen</source>
        <translation>The agreement</translation>
    </message>
    <message>
        <source>Överenskommelsen finns inte (den kan ha tagits bort).</source>
        <translation>The agreement does not exist (it may have been deleted).</translation>
    </message>
    <message>
        <source>Flera överenskommelser börjar {ref}; ange id i stället: {choices}.</source>
        <translation>Several agreements begin in {ref}; give the id instead: {choices}.</translation>
    </message>
    <message>
        <source>Ingen överenskommelse heter {ref}. Ange id eller startår: {choices}.</source>
        <translation>No agreement is called {ref}. Give the id or the year it starts: {choices}.</translation>
    </message>
    <message>
        <source>inga finns</source>
        <translation>there are none</translation>
    </message>
    <message>
        <source>Det finns ingen överenskommelse att förnya. Skapa en först.</source>
        <translation>There is no agreement to renew. Create one first.</translation>
    </message>
    <message>
        <source>Löftet</source>
        <translation>The promise</translation>
    </message>
    <message>
        <source>Målet</source>
        <translation>The target</translation>
    </message>
    <message>
        <source>Platsen</source>
        <translation>The place</translation>
    </message>
    <message>
        <source>Butiken</source>
        <translation>The shop</translation>
    </message>
    <message>
        <source>Indikatorn</source>
        <translation>The indicator</translation>
    </message>
    <message>
        <source>Indikatorvärdet</source>
        <translation>The indicator value</translation>
    </message>
    <message>
        <source>Mallen &apos;{name}&apos; finns inte. Tillgängliga mallar: {names}.</source>
        <translation>The template &apos;{name}&apos; does not exist. Available templates: {names}.</translation>
    </message>
    <message>
        <source>Databasen innehåller redan en överenskommelse, så mallen lades inte till. Skapa en ny databasfil för mallen.</source>
        <translation>The database already contains an agreement, so the template was not added. Create a new database file for the template.</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>Ny plats</source>
        <translation>New place</translation>
    </message>
    <message>
        <source>Platsens namn (sparas i platsregistret):</source>
        <translation>Name of the place (saved in the place register):</translation>
    </message>
</context>
<context>
    <name>periods</name>
    <message>
        <source>%1 kv %2</source>
        <translation>%1 Q%2</translation>
    </message>
</context>
<context>
    <name>photos</name>
    <message>
        <source>Bifoga foto</source>
        <translation>Attach photo</translation>
    </message>
    <message>
        <source>Bilder (%1)</source>
        <translation>Images (%1)</translation>
    </message>
    <message>
        <source>Kunde inte visa fotot</source>
        <translation>Could not show the photo</translation>
    </message>
    <message>
        <source>Fotots namn %1 är inte ett filnamn.</source>
        <translation>The photo&apos;s name %1 is not a file name.</translation>
    </message>
    <message>
        <source>Filen %1 kan inte läsas som en bild. Välj en bild i formatet JPEG eller PNG.</source>
        <translation>The file %1 cannot be read as an image. Choose an image in JPEG or PNG format.</translation>
    </message>
    <message>
        <source>Kunde inte bifoga fotot</source>
        <translation>Could not attach the photo</translation>
    </message>
    <message>
        <source>Fotot %1 kunde inte kopieras till fotomappen %2: %3</source>
        <translation>The photo %1 could not be copied to the photo folder %2: %3</translation>
    </message>
</context>
<context>
    <name>reports</name>
    <message>
        <source>Kvartalsrapport</source>
        <translation>Quarterly report</translation>
    </message>
    <message>
        <source>Uppföljning</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>%1 kv %2</source>
        <translation>%1 Q%2</translation>
    </message>
    <message>
        <source>(offentlig)</source>
        <translation>(public)</translation>
    </message>
    <message>
        <source>(intern)</source>
        <translation>(internal)</translation>
    </message>
    <message>
        <source>disken är full</source>
        <translation>the disk is full</translation>
    </message>
    <message>
        <source>du saknar behörighet</source>
        <translation>you do not have permission</translation>
    </message>
    <message>
        <source>mappen finns inte</source>
        <translation>the folder does not exist</translation>
    </message>
    <message>
        <source>en del av sökvägen är inte en mapp</source>
        <translation>part of the path is not a folder</translation>
    </message>
    <message>
        <source>platsen är skrivskyddad</source>
        <translation>the location is read-only</translation>
    </message>
    <message>
        <source>det finns redan en mapp med det namnet</source>
        <translation>there is already a folder with that name</translation>
    </message>
    <message>
        <source>Rapporten kan inte skrivas i den tillfälliga mappen %1: %2.</source>
        <translation>The report cannot be written in the temporary folder %1: %2.</translation>
    </message>
    <message>
        <source>Utskrift är inte möjlig i den här installationen (Qt:s utskriftsstöd saknas: %1).</source>
        <translation>Printing is not possible in this installation (Qt&apos;s print support is missing: %1).</translation>
    </message>
    <message>
        <source>Rapporten %1 kan inte skrivas ut: filen går inte att läsa.</source>
        <translation>The report %1 cannot be printed: the file cannot be read.</translation>
    </message>
    <message>
        <source>Skrivaren kunde inte startas. Kontrollera att den är påslagen och ansluten och försök igen.</source>
        <translation>The printer could not be started. Check that it is switched on and connected, and try again.</translation>
    </message>
</context>
<context>
    <name>safety</name>
    <message>
        <source>Borttagen</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>Ansvarig</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>Prioritet</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Ja, %1</source>
        <translation>Yes, %1</translation>
    </message>
    <message>
        <source>Nej</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Ja</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>%1 st.</source>
        <translation>%1</translation>
    </message>
</context>
<context>
    <name>targets</name>
    <message>
        <source>uppfyllt</source>
        <translation>met</translation>
    </message>
    <message>
        <source>i fas</source>
        <translation>on track</translation>
    </message>
    <message>
        <source>risk</source>
        <translation>at risk</translation>
    </message>
    <message>
        <source>ej uppfyllt</source>
        <translation>not met</translation>
    </message>
    <message>
        <source>saknar data</source>
        <translation>no data</translation>
    </message>
    <message>
        <source>{days} dag</source>
        <translation>{days} day</translation>
    </message>
    <message>
        <source>{days} dagar</source>
        <translation>{days} days</translation>
    </message>
    <message>
        <source>N dagar</source>
        <translation>N days</translation>
    </message>
    <message>
        <source>{measure} {comparison} {percent} % {period}</source>
        <translation>{measure} {comparison} {percent} % {period}</translation>
    </message>
    <message>
        <source>{measure} {comparison} {value} {period}</source>
        <translation>{measure} {comparison} {value} {period}</translation>
    </message>
    <message>
        <source>{comparison} {value} {measure} {period}</source>
        <translation>{comparison} {value} {measure} {period}</translation>
    </message>
    <message>
        <source>{comparison} {value}</source>
        <translation>{comparison} {value}</translation>
    </message>
    <message>
        <source>Inget område är valt. Välj minst en plats där träffen gällde; en ny plats kan läggas till från formuläret.</source>
        <translation>No area is chosen. Choose at least one place the meeting was about; a new place can be added from the form.</translation>
    </message>
    <message>
        <source>Ange hur många som deltog (antal, inga namn).</source>
        <translation>Enter how many took part (a number, no names).</translation>
    </message>
    <message>
        <source>{met} av {count} avslutade kvartal med {goal}</source>
        <translation>{met} of {count} finished quarters with {goal}</translation>
    </message>
    <message>
        <source>{met} av {count} avslutade år med {goal}</source>
        <translation>{met} of {count} finished years with {goal}</translation>
    </message>
    <message>
        <source>{met} av {count} kvartal med {goal}</source>
        <translation>{met} of {count} quarters with {goal}</translation>
    </message>
    <message>
        <source>{met} av {count} år med {goal}</source>
        <translation>{met} of {count} years with {goal}</translation>
    </message>
    <message>
        <source>{year} kv {quarter}</source>
        <translation>Q{quarter} {year}</translation>
    </message>
    <message>
        <source>{count} planerade</source>
        <translation>{count} planned</translation>
    </message>
    <message>
        <source>{count} planerad</source>
        <translation>{count} planned</translation>
    </message>
    <message>
        <source> (nästa {date})</source>
        <translation> (next {date})</translation>
    </message>
    <message>
        <source>ingen prognos</source>
        <translation>no forecast</translation>
    </message>
    <message>
        <source>utfall {value} av {goal}</source>
        <translation>result {value} of {goal}</translation>
    </message>
    <message>
        <source>prognos {value} av {goal}</source>
        <translation>forecast {value} of {goal}</translation>
    </message>
    <message>
        <source>Ingen plats är vald. Välj minst en plats där passet gjordes; en ny plats kan läggas till från formuläret.</source>
        <translation>No place is chosen. Choose at least one place where the patrol took place; a new place can be added from the form.</translation>
    </message>
    <message>
        <source>Ange hur många poliser som deltog i passet.</source>
        <translation>Enter how many police officers took part in the patrol.</translation>
    </message>
    <message>
        <source>Butiksbesök {number} saknar butik. Välj butiken i listan eller ta bort raden.</source>
        <translation>Shop visit {number} has no shop. Choose the shop in the list or remove the row.</translation>
    </message>
    <message>
        <source>Butiksbesök {number} gäller samma butik som butiksbesök {first}. Ta bort dubbletten och samla det butiken sa i en anteckning.</source>
        <translation>Shop visit {number} is for the same shop as shop visit {first}. Remove the duplicate and gather what the shop said in one note.</translation>
    </message>
    <message>
        <source>Skriv vad som ska göras, t.ex. Byta trasig belysning.</source>
        <translation>Write what is to be done, e.g. Replace broken lighting.</translation>
    </message>
    <message>
        <source>{field}, vad som ska göras</source>
        <translation>{field}, what is to be done</translation>
    </message>
    <message>
        <source>Ansvarig är ”annan”: skriv vem som har rådighet över platsen.</source>
        <translation>The responsible party is “other”: write who has control over the place.</translation>
    </message>
    <message>
        <source>vandringens datum</source>
        <translation>the walk&apos;s date</translation>
    </message>
    <message>
        <source>En avslagen åtgärd behöver ett skäl; skriv varför den inte genomförs.</source>
        <translation>A rejected action needs a reason; write why it will not be carried out.</translation>
    </message>
    <message>
        <source>{field} saknas. Åtgärden är {status}: ange vilket datum den avslutades.</source>
        <translation>{field} is missing. The action is {status}: enter the date it was closed.</translation>
    </message>
    <message>
        <source>Åtgärden är {status} men har ett datum avslutad ({date}). Ta bort datumet, eller ändra status till åtgärdad eller avslagen.</source>
        <translation>The action is {status} but has a closing date ({date}). Remove the date, or change the status to done or rejected.</translation>
    </message>
    <message>
        <source>En åtgärd kan inte avslutas i förväg.</source>
        <translation>An action cannot be closed in advance.</translation>
    </message>
    <message>
        <source>Beskriv vad deltagarna såg, t.ex. Mörk gångtunnel, två lampor trasiga.</source>
        <translation>Describe what the participants saw, e.g. Dark underpass, two lamps broken.</translation>
    </message>
    <message>
        <source>En genomförd vandring kan inte ha ett datum framåt i tiden. Rätta datumet, eller sätt status till planerad.</source>
        <translation>A completed walk cannot have a date in the future. Correct the date, or set the status to planned.</translation>
    </message>
    <message>
        <source>Vandringen är genomförd men har inga deltagare. Ange hur många som deltog i varje grupp (antal, aldrig namn).</source>
        <translation>The walk is completed but has no participants. Enter how many took part in each group (numbers, never names).</translation>
    </message>
    <message>
        <source>Skriv varför vandringen ställdes in; det syns i uppföljningen.</source>
        <translation>Write why the walk was cancelled; it shows in the follow-up.</translation>
    </message>
    <message>
        <source>Förmötet ({meeting}) kan inte vara efter vandringen ({walk}). Rätta något av datumen.</source>
        <translation>The preparatory meeting ({meeting}) cannot be after the walk ({walk}). Correct one of the dates.</translation>
    </message>
    <message>
        <source>Ingen plats är vald. Välj minst en plats där insatsen gjordes; en ny plats kan läggas till från formuläret.</source>
        <translation>No place is chosen. Choose at least one place where the deployment took place; a new place can be added from the form.</translation>
    </message>
    <message>
        <source>Ange hur många volontärer som deltog (antal, inga namn).</source>
        <translation>Enter how many volunteers took part (a number, no names).</translation>
    </message>
    <message>
        <source>{hours} volontärtimmar är fler än {volunteers} volontärer hinner på ett pass (högst {volunteers} × {hours_per_day} = {maximum} timmar). Rätta timmarna eller antalet volontärer, eller töm fältet så räknas timmarna som antal volontärer × passets längd.</source>
        <translation>{hours} volunteer hours are more than {volunteers} volunteers can do in one shift (at most {volunteers} × {hours_per_day} = {maximum} hours). Correct the hours or the number of volunteers, or empty the field and the hours are counted as volunteers × the shift&apos;s length.</translation>
    </message>
    <message>
        <source>Ärendekoden ser ut som ett ärendenummer hos Polisen eller Åklagarmyndigheten. Det får inte lagras i Löften. Töm fältet så skapar Löften en egen kod (t.ex. N-2018-014).</source>
        <translation>The case code looks like a case number of the Police or the Prosecution Authority. It must not be stored in Löften. Empty the field and Löften makes its own code (e.g. N-2018-014).</translation>
    </message>
    <message>
        <source>Ärendekoden ”{code}” har fel form. Den ska se ut som K-2026-014: P, K eller N, årtal och löpnummer med minst tre siffror. Töm fältet så skapar Löften koden.</source>
        <translation>The case code “{code}” has the wrong form. It should look like K-2026-014: P, K or N, the year and a serial number of at least three digits. Empty the field and Löften makes the code.</translation>
    </message>
    <message>
        <source>Anteckningen verkar innehålla ett ärendenummer hos Polisen eller Åklagarmyndigheten (t.ex. 5000-K123456-18). Det får inte lagras i Löften, eftersom det pekar ut personen. Ta bort numret; ärendet har Löftens egen kod.</source>
        <translation>The note seems to contain a case number of the Police or the Prosecution Authority (e.g. 5000-K123456-18). It must not be stored in Löften, because it identifies the person. Remove the number; the case has Löften&apos;s own code.</translation>
    </message>
    <message>
        <source>datum upptäckt</source>
        <translation>date detected</translation>
    </message>
    <message>
        <source>Ange det datum då det faktiskt hände.</source>
        <translation>Enter the date when it actually happened.</translation>
    </message>
    <message>
        <source>Ange hur kommunen underrättades: orosanmälan (under 18 år), underrättelse eller erbjudande om kontakt.</source>
        <translation>Enter how the municipality was notified: report of concern (under 18), notification or offer of contact.</translation>
    </message>
    <message>
        <source>Sättet är angivet ({kind}) men inte när kommunen underrättades. Ange datumet, eller töm sättet.</source>
        <translation>The way is given ({kind}) but not when the municipality was notified. Enter the date, or clear the way.</translation>
    </message>
    <message>
        <source>Den som är under 18 år ska anmälas till socialtjänsten med en orosanmälan, inte med {kind}. Välj orosanmälan, eller rätta åldersgruppen.</source>
        <translation>Someone under 18 is to be reported to social services with a report of concern, not with {kind}. Choose report of concern, or correct the age group.</translation>
    </message>
    <message>
        <source>{field} ({value}) är angivet men ingen första kontakt. Ange datum för första kontakt, eller töm fältet.</source>
        <translation>{field} ({value}) is given but no first contact. Enter the date of first contact, or clear the field.</translation>
    </message>
    <message>
        <source>Ärendet är avslutat men saknar datum avslutad. Ange datumet, eller sätt status till pågående.</source>
        <translation>The case is closed but has no closing date. Enter the date, or set the status to ongoing.</translation>
    </message>
    <message>
        <source>Ärendet är pågående men har datum avslutad ({date}). Sätt status till avslutad, eller ta bort datumet.</source>
        <translation>The case is ongoing but has a closing date ({date}). Set the status to closed, or remove the date.</translation>
    </message>
    <message>
        <source>Skriv vad som gjordes, t.ex. Skolbesök i årskurs 8.</source>
        <translation>Write what was done, e.g. School visit in year 8.</translation>
    </message>
    <message>
        <source>Beskrivning</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Anteckning</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Butik</source>
        <translation>Shop</translation>
    </message>
    <message>
        <source>Iakttagelse</source>
        <translation>Observation</translation>
    </message>
    <message>
        <source>Foto</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>Åtgärd</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Vad</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Vem som är ansvarig</source>
        <translation>Who is responsible</translation>
    </message>
    <message>
        <source>Klart senast</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Skäl till avslag</source>
        <translation>Reason for rejection</translation>
    </message>
    <message>
        <source>Datum avslutad</source>
        <translation>Date closed</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>{field}: {message}</source>
        <translation>{field}: {message}</translation>
    </message>
    <message>
        <source>{field}: {date} ligger utanför åren {first}–{last}. Kontrollera årtalet och rätta datumet.</source>
        <translation>{field}: {date} is outside the years {first}–{last}. Check the year and correct the date.</translation>
    </message>
    <message>
        <source>{field} saknas. {hint}</source>
        <translation>{field} is missing. {hint}</translation>
    </message>
    <message>
        <source>{field}: {value} är ett negativt tal. Ange ett antal från {minimum}.</source>
        <translation>{field}: {value} is a negative number. Enter a number from {minimum}.</translation>
    </message>
    <message>
        <source>{field} måste vara minst {minimum}.</source>
        <translation>{field} must be at least {minimum}.</translation>
    </message>
    <message>
        <source>{field} är inte ett tal. Skriv ett vanligt tal, t.ex. 2,5.</source>
        <translation>{field} is not a number. Write an ordinary number, e.g. 2,5.</translation>
    </message>
    <message>
        <source>{field}: {hours} timmar är ett negativt tal. Ange antalet timmar som 0 eller mer, eller lämna fältet tomt.</source>
        <translation>{field}: {hours} hours is a negative number. Enter the hours as 0 or more, or leave the field empty.</translation>
    </message>
    <message>
        <source>Nedlagd tid {hours} timmar är orimligt mycket för en post (högst {maximum}). Kontrollera siffran; tiden anges i timmar, inte minuter.</source>
        <translation>Time spent {hours} hours is unreasonably much for one record (at most {maximum}). Check the figure; the time is given in hours, not minutes.</translation>
    </message>
    <message>
        <source>{field} ({date}) kan inte vara före {earliest} ({earliest_date}). Rätta något av datumen.</source>
        <translation>{field} ({date}) cannot be before {earliest} ({earliest_date}). Correct one of the dates.</translation>
    </message>
    <message>
        <source>{field} ({date}) ligger efter dagens datum ({today}). {hint}</source>
        <translation>{field} ({date}) is after today&apos;s date ({today}). {hint}</translation>
    </message>
    <message>
        <source>{field} har en tidszon. Ange tiden som vanlig klocktid (t.ex. 21:00) utan tidszon.</source>
        <translation>{field} has a time zone. Enter the time as ordinary clock time (e.g. 21:00) without a time zone.</translation>
    </message>
    <message>
        <source>Sluttiden är densamma som starttiden ({time}), så passet saknar längd. Ange när passet slutade. Ett pass över midnatt går bra: 21:00–02:00 är ett pass på fem timmar som slutar dagen efter.</source>
        <translation>The end time is the same as the start time ({time}), so the shift has no length. Enter when the shift ended. A shift across midnight is fine: 21:00–02:00 is a five-hour shift that ends the next day.</translation>
    </message>
    <message>
        <source>En av platserna är tom. Välj en plats i listan.</source>
        <translation>One of the places is empty. Choose a place in the list.</translation>
    </message>
    <message>
        <source>Samma plats är vald mer än en gång. Ta bort dubbletten.</source>
        <translation>The same place is chosen more than once. Remove the duplicate.</translation>
    </message>
    <message>
        <source>Välj vilket löfte posten hör till.</source>
        <translation>Choose which promise the record belongs to.</translation>
    </message>
    <message>
        <source>Ange kommunen, t.ex. Filipstads kommun.</source>
        <translation>Enter the municipality, e.g. Filipstads kommun.</translation>
    </message>
    <message>
        <source>Ange lokalpolisområdet som kommunen samverkar med.</source>
        <translation>Enter the local police area that the municipality works with.</translation>
    </message>
    <message>
        <source>Ge överenskommelsen en titel, t.ex. Medborgarlöften 2017–2018.</source>
        <translation>Give the agreement a title, e.g. Medborgarlöften 2017–2018.</translation>
    </message>
    <message>
        <source>Periodens slut ({end}) måste komma efter periodens början ({start}). Rätta något av datumen.</source>
        <translation>The end of the period ({end}) must come after its start ({start}). Correct one of the dates.</translation>
    </message>
    <message>
        <source>Uppföljningen ({due}) kan inte vara före periodens slut ({end}): den görs efter perioden, oftast första kvartalet efter. Välj ett senare datum.</source>
        <translation>The follow-up ({due}) cannot be before the end of the period ({end}): it is done after the period, usually in the first quarter after. Choose a later date.</translation>
    </message>
    <message>
        <source>Välj vilken överenskommelse löftet hör till.</source>
        <translation>Choose which agreement the promise belongs to.</translation>
    </message>
    <message>
        <source>Ange löftets nummer, t.ex. 1 för det första löftet.</source>
        <translation>Enter the promise&apos;s number, e.g. 1 for the first promise.</translation>
    </message>
    <message>
        <source>Skriv löftets text ordagrant som i överenskommelsen.</source>
        <translation>Write the promise&apos;s text word for word as in the agreement.</translation>
    </message>
    <message>
        <source>Skriv en kort titel som visas i listor och rapporter, t.ex. Trygghetsvandringar.</source>
        <translation>Write a short title shown in lists and reports, e.g. Safety walks.</translation>
    </message>
    <message>
        <source>Välj vilket löfte målet hör till.</source>
        <translation>Choose which promise the target belongs to.</translation>
    </message>
    <message>
        <source>Målets värde kan inte vara negativt ({value}). Ange 0 eller mer.</source>
        <translation>The target&apos;s value cannot be negative ({value}). Enter 0 or more.</translation>
    </message>
    <message>
        <source>Målet är en andel ({measure}) och anges som ett tal mellan 0 och 1, men värdet är {value}. Skriv t.ex. 0,8 för 80 procent.</source>
        <translation>The target is a share ({measure}) and is given as a number between 0 and 1, but the value is {value}. Write e.g. 0,8 for 80 percent.</translation>
    </message>
    <message>
        <source>Ange inom hur många dagar kommunen ska ha fått kontakt (SMADIT siktar på 1 dygn); måttet räknar andelen ärenden med kontakt inom så många dagar.</source>
        <translation>Enter within how many days the municipality should have made contact (SMADIT aims at 24 hours); the measure counts the share of cases with contact within that many days.</translation>
    </message>
    <message>
        <source>Ge platsen ett namn, t.ex. Stora torget.</source>
        <translation>Give the place a name, e.g. Stora torget.</translation>
    </message>
    <message>
        <source>Skriv butikens namn.</source>
        <translation>Write the shop&apos;s name.</translation>
    </message>
    <message>
        <source>Ge indikatorn ett namn, t.ex. Andel otrygga i centrum kvällstid.</source>
        <translation>Give the indicator a name, e.g. Share feeling unsafe in the centre in the evening.</translation>
    </message>
    <message>
        <source>Ange var siffrorna kommer ifrån, t.ex. Polisens trygghetsmätning eller Brås NTU.</source>
        <translation>Enter where the figures come from, e.g. the police&apos;s safety survey or Brå&apos;s NTU.</translation>
    </message>
    <message>
        <source>Välj vilken indikator värdet hör till.</source>
        <translation>Choose which indicator the value belongs to.</translation>
    </message>
    <message>
        <source>Period saknas. Skriv t.ex. 2018, 2018-Q3, 2018-03 eller 2017-01-01/2018-12-31.</source>
        <translation>The period is missing. Write e.g. 2018, 2018-Q3, 2018-03 or 2017-01-01/2018-12-31.</translation>
    </message>
    <message>
        <source>Nedlagda timmar</source>
        <translation>Hours spent</translation>
    </message>
    <message>
        <source>Patrullpass</source>
        <translation>Patrols</translation>
    </message>
    <message>
        <source>Grannsamverkansträffar</source>
        <translation>Neighbourhood watch meetings</translation>
    </message>
    <message>
        <source>Butiksbesök</source>
        <translation>Shop visits</translation>
    </message>
    <message>
        <source>personnummer</source>
        <translation>personal identity number</translation>
    </message>
    <message>
        <source>samordningsnummer</source>
        <translation>coordination number</translation>
    </message>
    <message>
        <source>Texten verkar innehålla ett {kind} ({masked}). Löften får aldrig lagra personnummer eller samordningsnummer. Ta bort numret och beskriv i stället personen utan att peka ut hen, till exempel med åldersgrupp (under 18, 18–25, 26 och äldre).</source>
        <translation>The text seems to contain a {kind} ({masked}). Löften must never store personal identity numbers or coordination numbers. Remove the number and describe the person without identifying them instead, for example by age group (under 18, 18–25, 26 and older).</translation>
    </message>
    <message>
        <source>Timmar närvaro</source>
        <translation>Hours of presence</translation>
    </message>
    <message>
        <source>varav kväll och natt</source>
        <translation>of which evening and night</translation>
    </message>
    <message>
        <source>Genomförda trygghetsvandringar</source>
        <translation>Completed safety walks</translation>
    </message>
    <message>
        <source>Planerade</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>Inställda</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Öppna åtgärder</source>
        <translation>Open actions</translation>
    </message>
    <message>
        <source>varav försenade</source>
        <translation>of which overdue</translation>
    </message>
    <message>
        <source>Volontärinsatser</source>
        <translation>Volunteer deployments</translation>
    </message>
    <message>
        <source>Volontärtimmar</source>
        <translation>Volunteer hours</translation>
    </message>
    <message>
        <source>I samråd med kommunen</source>
        <translation>In consultation with the municipality</translation>
    </message>
    <message>
        <source>I samråd med näringslivet</source>
        <translation>In consultation with local business</translation>
    </message>
    <message>
        <source>Narkotikaärenden</source>
        <translation>Drug cases</translation>
    </message>
    <message>
        <source>varav {group}</source>
        <translation>of which {group}</translation>
    </message>
    <message>
        <source>uppgift saknas</source>
        <translation>not given</translation>
    </message>
    <message>
        <source>Kommunen underrättad</source>
        <translation>Municipality notified</translation>
    </message>
    <message>
        <source>Kontakt inom {days} dag</source>
        <translation>Contact within {days} day</translation>
    </message>
    <message>
        <source>Kommunal kontakt</source>
        <translation>Municipal contact</translation>
    </message>
    <message>
        <source>Mediantid till kontakt</source>
        <translation>Median time to contact</translation>
    </message>
    <message>
        <source>Aktiviteter</source>
        <translation>Activities</translation>
    </message>
</context>
</TS>
