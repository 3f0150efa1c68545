"""What a person's first name says about the pronoun a text will use for them.

Attribution resolves "she said" to the nearest earlier speaker "she" can name; a speaker
whose first name is, in English-language news, almost always a woman's (or a man's) is
skipped by the other pronoun. The lists are short on purpose: common given names, the
given names of people news of the 2010s-2020s quotes most, and (each list's last rows) those
of people quoted in the PolNeAR training texts and the bench pages, whose gender is not in
doubt (kept out: Lindsey, Leslie, Jamie, Kelly, Sandy, Marty, Orlando, April and the like).
Names used for both (Jordan, Taylor, Pat, Jean, Robin, ...) are in neither list: for them,
and for everyone else, the text itself must tell (a title, an earlier "he" or "she").
"""

from __future__ import annotations

import re
from functools import lru_cache

FEMALE = frozenset("""
Abigail Ada Adriana Alexandra Alexis Alice Alicia Alison Allison Alyssa Amanda Amber Amelia Amy Ana
Andrea Angela Angelina Anita Ann Anna Anne Annette Antonia Barbara Beatrice Becky Betsy Betty Beverly
Brenda Brianna Bridget Brittany Camila Candace Carla Carly Carmen Carol Caroline Carolyn Catherine
Cathy Cecilia Charlotte Cheryl Chloe Christina Christine Cindy Claire Claudia Colleen Connie Cynthia
Daisy Danielle Debbie Deborah Debra Denise Diana Diane Donna Doris Dorothy Elaine Eleanor Elena
Elise Elizabeth Ellen Elsa Emily Emma Erica Erin Esther Eva Evelyn Fatima Fiona Frances
Gabriela Gabrielle Gail Gina Gloria Grace Gretchen Hannah Harriet Heather Heidi Helen Hillary Holly
Ilhan Irene Isabel Isabella Ivanka Jacqueline Jane Janet Janice Jasmine Jeanne Jennifer Jessica Jill
Joan Joanna Jodi Josephine Joyce Judith Judy Julia Julie Karen Katherine Kathleen Kathryn Kathy
Katie Kayla Kellyanne Kimberly Kirsten Kristen Laura Lauren Leah Linda Lisa Lois Loretta Lori Louise
Lucy Lydia Madeleine Madison Maggie Margaret Maria Marianne Marie Marilyn Martha Mary Maxine
Megan Megyn Melania Melanie Melissa Mia Michelle Monica Nancy Naomi Natalie Nicole Nikki Nina Olivia
Pamela Patricia Paula Pauline Peggy Penny Rachel Rebecca Regina Rita Roberta Rosa Ruth Sabrina
Samantha Sandra Sara Sarah Sharon Sheila Shirley Sofia Sonia Sophia Stacey Stephanie Susan Susanna
Suzanne Tamara Tammy Teresa Theresa Tiffany Tina Tulsi Ursula Valerie Vanessa
Wendy Yvonne Zoe
Bernice Bonnie Brianne Carrie Chelsea Darlene Deja Edith Ella Ellie Felicia Gwen Haley Ingrid Iris
Jenna Kamala Kate Katrina Kristin Lena Lily Marcia Marjorie Maureen Meghan Miriam Molly Nadia Natasha
Nora Norma Olive Paige Phyllis Priscilla Renee Rhonda Rose Sally Serena Sherry Stella Sylvia Tanya
Tara Tessa Trista Vera Veronica Vivian Wanda
Alixandria Anju Annamaria Ashley Audrey Bree Brigid Callie Carole Cecelia Cecile Courtney Deb Dena
Dianne Dina Faiza Farhana Galia Ghazala Gilda Hala Huma Ilyse Ina Jaya Jillian Johanna Jomana Juanita
Juliet Kiki Kimberley Kristi Kym Lael Lesley Lesya Lina Liz Lolita Lorella Louisa Margie Mariam Marla
Maryam Mattie Maya Mayra Meg Melanne Menaka Michele Mindy Mona Monika Myra Nargis Natalya Neera Norah
Paloma Patty Randi Renada Rosette Roxana Salma Serene Sherrilyn Simone Sonya Sue Sylke Tashfeen Terrie
Virgie Zainab Zeynep
""".split())

MALE = frozenset("""
Aaron Abdul Adam Alan Albert Alberto Alexander Alfred Ali Allen Andrew Andy Anthony Antonio Arnold
Arthur Barack Barry Ben Benjamin Bernard Bernie Bill Billy Bob Bobby Boris Brad Bradley Brandon Brett
Brian Bruce Bryan Carl Carlos Charles Charlie Chris Christopher Chuck Clarence Colin Craig Dan Daniel
Darren David Dennis Devin Dick Dmitry Don Donald Douglas Dwight Earl Eddie Edward Emmanuel Eric Ernest
Eugene Frank Franklin Fred Frederick Gary Gavin Gene Geoffrey George Gerald Glenn Gordon Greg Gregory Hank Harold Harry
Henry Herbert Howard Hugh Ian Isaac Jack Jacob Jake James Jared Jason Jeb Jeff Jeffrey Jeremy Jerome
Jerry Jesse Jim Jimmy Joe Joel John Johnny Jon Jonathan Joseph Josh Joshua Juan Justin Karl Keith
Ken Kenneth Kevin Larry Lawrence Leonard Louis Luis Luke Marco Mark Martin
Matt Matthew Max Michael Mick Mike Mitch Mitt Mohammed Muhammad Nathan Neil Nicholas Nick Noah Oliver
Omar Oscar Patrick Paul Pete Peter Philip Phillip Rahm Ralph Rand Randy Raymond Reince Richard Rick
Robert Rodrigo Roger Ron Ronald Rudy Rush Russell Ryan Sam Samuel Scott Sean Sergei Sergey Seth Stephen
Steve Steven Stuart Ted Terry Thomas Tim Timothy Todd Tom Tommy Tony Travis Trey Victor Vincent
Vladimir Walter Wayne William Willie Xi Yuri Zachary
Alec Allan Chad Clint Cody Darrell Dean Derek Dustin Ed Elijah Ethan Evan Felix Harvey Herman Hugo
Ivan Jay Joey Julian Kirk Kurt Kyle Lance Leon Lloyd Marc Marcus Mario Marvin Maurice Mitchell Nate
Neal Norman Owen Phil Reggie Rob Robbie Robby Rodney Roy Sal Saul Shawn Simon Stan Stanley Ted
Theodore Toby Troy Tyler Vernon Wes Wesley Will Zach
Adriaan Adrian Akhil Al Alejandro Alfonso Alvaro Ari Arne Arturo Asa Aseem Ashraf Austan Barney Beau
Beto Brendan Brent Calvin Carlton Curt Dante Darryl Dave Dexter Dino Dmitri Doug Dylan Edgar Edwin Eli
Emmet Erick Erik Federico Felipe Forrest Francois Freddy Frederic Garrett Geert Geoff Geraldo Gonzalo
Guido Gustav Gustavo Hakeem Humza Ilya Irwin Jamal Javier Jeffery Jens Jock Jose Junot Khizr Kieran
Konstantin Lamar Laszlo Laurence Lionel Lucas Malcolm Manny Manohar Manuel Mariano Markus Marlon
Masayoshi Massimo Matteo Mikhail Mohamed Morton Narendra Newt Nigel Noam Norm Oleg Olivier Pankaj
Raffaello Ramil Rashad Ray Reid Rex Ronny Ross Rudolph Rupert Sammy Sander Sanjay Sanjiv Satya Scot
Sebastian Sergio Shane Sheldon Sherrod Steffen Tad Thierry Trent Trevor Uzi Vikram Vin Volker Wolfgang
Woodrow Xavier Yaakov Yevgeny Yukiya Zabihullah Zeev Zeke
""".split())

GIVEN = FEMALE | MALE

# Capitalised names that are never one person: places a sentence can open with ("Germany
# should ...", and ``PLACES``), peoples, days and months, words for anybody or nobody, and sentence adverbs
# ("Significantly, ...").
PLACES = frozenset("""
Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii
Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan
Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee
Texas Utah Vermont Virginia Washington Wisconsin Wyoming America Britain England Scotland Wales
Ireland France Germany Italy Spain Portugal Russia Ukraine Poland Greece Turkey Israel Iran Iraq
Syria Egypt Libya Lebanon Jordan Yemen Afghanistan Pakistan India China Japan Korea Taiwan Vietnam
Mexico Canada Brazil Cuba Venezuela Colombia Argentina Chile Nigeria Kenya Europe Asia Africa
Qatar Ethiopia Indonesia Philippines Australia Belarus Myanmar Bangladesh Nepal Sudan Somalia Algeria
Morocco Tunisia Kazakhstan Uzbekistan Azerbaijan Armenia Serbia Hungary Gaza Romania Bulgaria Sweden
Norway Finland Denmark Netherlands Belgium Austria Switzerland Thailand Malaysia Singapore Cambodia
Mongolia Peru Bolivia Ecuador Uruguay Paraguay Nicaragua Honduras Guatemala Panama Ghana Senegal Mali
Niger Cameroon Congo Uganda Tanzania Rwanda Zimbabwe Zambia Angola Mozambique Namibia Botswana Oman
Bahrain Kuwait Tajikistan Kyrgyzstan Turkmenistan Moldova Lithuania Latvia Estonia Slovakia Slovenia
Croatia Bosnia Albania Kosovo Montenegro Cyprus Iceland
""".split())
NOT_PEOPLE = PLACES | frozenset("""
Americans Russians Germans Chinese French British Iranians Israelis Palestinians Mexicans
Ukrainians Europeans Syrians Iraqis Afghans Democrats Republicans Witnesses Demonstrators
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April June July
August September October November December
Nobody Everyone Everybody Someone Somebody Anyone Anybody None Others Many Some Most
Significantly Initially Ultimately Additionally Finally Similarly Importantly Interestingly
Previously Currently Recently Clearly Obviously Apparently Unfortunately Fortunately Notably
Specifically Separately Originally Eventually Increasingly Personally Publicly Privately
Politically Historically Traditionally Generally Typically Usually Frankly Honestly Ironically
Reluctantly
""".split())

# last words of places and buildings, never a surname after a given name ("Madison Square")
_PLACE_WORDS = frozenset("""
Square Garden Gardens Avenue Street Park Center Centre Hall County University College Airport Hotel
Bridge Church Hospital School Station Road Boulevard Heights Valley Beach Island Lake River Mountain
Stadium Arena Plaza Building Tower Court
""".split())

# titles written short before a name ("Sen. Ted Cruz", "Lt. Col."): the one list that the
# attribution rules' title checks (phrases, reader) and TITLE below all read
# (``normalize``'s sentence splitter keeps its own list of abbreviations, titles among them)
TITLE_ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Sgt", "Capt",
                       "Rev", "Adm", "Maj", "Amb", "Hon", "Pres", "Atty", "Supt", "Cmdr", "Cpl")

# the given name: the first capitalised word after any titles or initials
TITLE = re.compile(rf"(?:(?:{'|'.join(TITLE_ABBREVIATIONS)}|President|Senator|"
                   r"Governor|Secretary|Mayor|Judge|Justice|Speaker|Miss|Representative|Congressman|Congresswoman|"
                   r"Chief|Commissioner|Sheriff|Chancellor|Ambassador|Minister|Premier|Detective|Sergeant|"
                   r"Lieutenant|Superintendent|Admiral)\.?\s+)+")


@lru_cache(maxsize=4096)
def pronoun(name: str) -> str | None:
    """"he", "she" or None: the pronoun a text most likely uses for ``name`` ("Hillary
    Clinton" -> "she"; "Donald J. Trump" -> "he"; "Clinton", "Jordan Lee" -> None)."""
    words = TITLE.sub("", name.strip(), count=1).split()
    if len(words) < 2 or words[-1] in _PLACE_WORDS:  # a surname alone says nothing
        return None  # ("Madison Square" Garden is no woman)
    given = words[0]
    if given in FEMALE:
        return "she"
    if given in MALE:
        return "he"
    return None
