"""Common given names in the Nordic countries and the English-speaking world.

A person's name in a programme is only recognised from capitalisation where the context says a
person follows ("v/ ...", "Name, role" on its own line). Where nothing does (a ", Name" at the
end of a title, a bulleted line that could be a topic), the first word must be a known given
name, which keeps title-case topics such as "Strategic Planning" from turning into people.
"""

from __future__ import annotations

_NAMES_TEXT = """
aase aage abdul abdullah adam adrian agnes agnete agneta ahmed aina aino aksel al alan albert
alberto aleksander alex alexander alexandra alexis alf alfred ali alice alina allan alma alva
amalie amanda amelia ami amir amy ana anders andrea andreas andrew andré andrés aneta angela
angelica ani anita anja ann anna anne anneli annelie annette anni annie annika ansgar anton
antonio arja arild arne arnold arvid asbjørn asger ask aslak astrid atle audun august aud axel
ayesha barbara bart beate beatrice ben benedicte benjamin bengt bent berit bernt bertil beth
betina bettina birger birgit birgitta birgitte bjarne bjørg bjørn björn bo bodil børge brian
brit brita britt britta bruno cajsa camilla carina carl carla carlos carol caroline carsten
casper cathrine catharina catherine cecilia cecilie charles charlotte chris christer christian
christina christine christoffer christopher claes clara claus colin conny cornelia dag dagny
dagmar dan daniel daniela david dennis derek diana dina dorte dorthe douglas ebba edith edvard
egil einar eirik eivind elena eleonora eli elias elin elina elisabet elisabeth elisabete elise
elizabeth ella ellen elsa else elvira emil emilia emilie emily emma erik erika erling ernst
espen esben ester eva evelina even ewa fatima felix filip fiona flemming frank frans frederik
fredrik freja frida fridtjof frode gabriel gabriele gabrielle gaute geir george georg gerd
gisela gitte glenn grete greta gro gudrun gun gunhild gunilla gunnar gunn gustav gustaf göran
gøran hakon halvard hamid hanna hanne hannah hans harald harriet hassan hege heidi heike helen
helena helene helga helge helle henning henny henrik henriette henrika herman hilde hildur
hjalmar holger hugo ib ida inga inge inger ingrid inga ingvild irene iris isabel isabella isak
ivan ivar jacob jakob james jan jane janne jannik jarl jasmin jenny jens jeppe jesper jessica
jette jim joachim joakim joan johan johanna johanne johannes john jon jonas jonathan jonna
jorunn josef joseph juha julia julie jussi jørgen jørn kaj kalle kamilla kari karin karina
karen karl karoline kasper katarina kate katharina kathrine katrin katrine kenneth kerstin kim
kirsten kirsti kjell kjersti klas klaus knud knut kristian kristin kristina kristine kristoffer
lage lars lasse laura lauritz lea leif lena lene lennart leo leon lewis lillian lina linda line
linn linnea lisa lisbet lisbeth lise liv lone lotta lotte louise lucas ludvig luis luka lukas
maja malene malin mads magnus maiken mai maria mariana marianne marie marianna marit mark
markus marta martha martin martina mary mathias mats matti mattias max maya merete mette
michael michel michelle mika mikael mikkel mohammad mohammed mona morten nadia naja nanna
natalie nicolai niels nikolaj nils nina noah nora ole olav olaf oliver olle olof oscar oskar
otto ove paul paula peder pedro per peter petra philip pia pernille poul rasmus ragnar ragnhild
randi rebecca rebekka regina reidar rikke rita robert roger roland rolf ronja rosa rune ruth
sabina sabine sam samuel sandra sara sarah siri sebastian signe sigrid sigurd silje simon
simone sissel sivert siv solveig sonja sophia sophie sten stefan steffen stein stephan steve
steven stig stina susanne sune svein sven svend sverker synnøve søren tanja terje thea thomas
thor thore thorbjørn thorsten tim timo tina tine tobias tom tomas tommy tone tor tora torben
tord tore torill torkel torsten tove trine trond turid tuva ulf ulla ulrik ulrika ulrikke una
unni valdemar vanessa vera veronica veronika vibeke victor victoria viggo viktor viktoria vilde
vilhelm villads vincent wenche wilhelm william yngve yvonne åse åsa øystein øyvind ørjan ebbe
elsebeth annemette annemarie jonna hans-henrik lars-otto karl-erik per-olof jan-erik marie-
louise anne-marie mads-peter sten-åke tommi pekka sanna tuula riitta päivi jukka kari-pekka
eero heikki matias anu jaana minna pirjo leena sirpa kaisa maarit marjut niina outi satu sari
tiina harri kimmo markku mikko petri sami seppo tapani tapio veikko ville raili ritva dorthea
frederikke ditte tilde sofie sofia maj-britt britt-marie ann-christin ann-sofie ann-marie anne-
lise anne-grete kari-anne lise-lotte mette-marie inge-lise jan-olof stig-roland hans-christian
carl-johan per-erik bengt-åke lars-erik anders-peter torunn erlend callum rhona hamish alasdair
iain niamh siobhan aoife sean declan ruairi kirsty morag eilidh gareth rhys dylan owen megan
carys bronwen gwen jonatan jóhannes jón sigrún guðrún ólafur ragnheiður birna hanna-maria sanne
marjatta kaarina hilkka eeva
"""

FIRST_NAMES = frozenset(_NAMES_TEXT.split())


def is_known_first_name(word: str) -> bool:
    word = word.casefold().strip(".,:;")
    if word in FIRST_NAMES:
        return True
    # Double names written with a hyphen: "Lars-Otto" counts when one part is known.
    parts = word.split("-")
    return len(parts) > 1 and any(part in FIRST_NAMES for part in parts)
