from lxml import etree


def login(tree, name, pw, section):
    # ruleid: python-xpath-injection
    users = tree.xpath(f"//user[@name='{name}' and @password='{pw}']")
    # ruleid: python-xpath-injection
    find = etree.XPath("//section[@id='%s']/item" % section)
    # ruleid: python-xpath-injection
    nodes = tree.xpath("//user[@name='" + name + "']")
    # ok: python-xpath-injection
    users = tree.xpath("//user[@name=$name and @password=$pw]", name=name, pw=pw)
    # ok: python-xpath-injection
    count = tree.xpath("count(//user)")
    # ok: python-xpath-injection
    result = engine.evaluate(f"{name} + 1")
    return users, find, nodes, count, result
